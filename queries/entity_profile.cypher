// name: entity_profile
// title_zh: 实体概况
// title_en: Profile of an entity
// param: entity: str
// returns: one row per fact about the entity (a person, organisation, honour, studio or event,
// returns: given by name or id): id, kind, name, relation, via (the statement or neighbour kind),
// returns: via_name (title, honour or name), year, as_of, role (the statement's other edge), other.
MATCH (n)
WHERE n.id = $entity OR n.name = $entity
OPTIONAL MATCH (n)-[r]-(s)
WHERE NOT label(s) IN ['Document', 'Article']
OPTIONAL MATCH (s)-[r2]-(o)
WHERE label(s) IN ['Award', 'Position', 'Mentorship'] AND o.id <> n.id
  AND NOT label(o) IN ['Document', 'Article']
RETURN n.id AS id, label(n) AS kind, n.name AS name, label(r) AS relation, label(s) AS via,
       coalesce(s.title, s.name) AS via_name, s.year AS year, s.as_of AS as_of,
       label(r2) AS role, o.name AS other
ORDER BY id, relation, via, via_name, role, other
