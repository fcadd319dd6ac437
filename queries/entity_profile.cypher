// name: entity_profile
// title_zh: 实体概况
// title_en: Profile of an entity
// param: entity: str
// returns: one row per fact about the entity (a person, organisation, honour, studio or event,
// returns: given by name or id): id, kind, name, relation, via (the statement or neighbour kind),
// returns: via_name (title, honour or name), year, as_of, role (the statement's other edge), other.
// One branch per class: each finds the entity's ids in one table, then starts from a primary-key
// match (collect/UNWIND keeps LadybugDB's planner on index lookups instead of joining whole tables).
MATCH (m:Person) WHERE m.id = $entity OR m.name = $entity
WITH collect(m.id) AS ids UNWIND ids AS i
MATCH (n:Person {id: i})
OPTIONAL MATCH (n)-[r]-(s)
WHERE NOT label(s) IN ['Document', 'Article']
OPTIONAL MATCH (s)-[r2]-(o)
WHERE label(s) IN ['Award', 'Position', 'Mentorship'] AND o.id <> n.id
  AND NOT label(o) IN ['Document', 'Article']
RETURN n.id AS id, label(n) AS kind, n.name AS name, label(r) AS relation, label(s) AS via,
       coalesce(s.title, s.name) AS via_name, s.year AS year, s.as_of AS as_of,
       label(r2) AS role, o.name AS other
UNION ALL
MATCH (m:Organisation) WHERE m.id = $entity OR m.name = $entity
WITH collect(m.id) AS ids UNWIND ids AS i
MATCH (n:Organisation {id: i})
OPTIONAL MATCH (n)-[r]-(s)
WHERE NOT label(s) IN ['Document', 'Article']
OPTIONAL MATCH (s)-[r2]-(o)
WHERE label(s) IN ['Award', 'Position', 'Mentorship'] AND o.id <> n.id
  AND NOT label(o) IN ['Document', 'Article']
RETURN n.id AS id, label(n) AS kind, n.name AS name, label(r) AS relation, label(s) AS via,
       coalesce(s.title, s.name) AS via_name, s.year AS year, s.as_of AS as_of,
       label(r2) AS role, o.name AS other
UNION ALL
MATCH (m:Honour) WHERE m.id = $entity OR m.name = $entity
WITH collect(m.id) AS ids UNWIND ids AS i
MATCH (n:Honour {id: i})
OPTIONAL MATCH (n)-[r]-(s)
WHERE NOT label(s) IN ['Document', 'Article']
OPTIONAL MATCH (s)-[r2]-(o)
WHERE label(s) IN ['Award', 'Position', 'Mentorship'] AND o.id <> n.id
  AND NOT label(o) IN ['Document', 'Article']
RETURN n.id AS id, label(n) AS kind, n.name AS name, label(r) AS relation, label(s) AS via,
       coalesce(s.title, s.name) AS via_name, s.year AS year, s.as_of AS as_of,
       label(r2) AS role, o.name AS other
UNION ALL
MATCH (m:Studio) WHERE m.id = $entity OR m.name = $entity
WITH collect(m.id) AS ids UNWIND ids AS i
MATCH (n:Studio {id: i})
OPTIONAL MATCH (n)-[r]-(s)
WHERE NOT label(s) IN ['Document', 'Article']
OPTIONAL MATCH (s)-[r2]-(o)
WHERE label(s) IN ['Award', 'Position', 'Mentorship'] AND o.id <> n.id
  AND NOT label(o) IN ['Document', 'Article']
RETURN n.id AS id, label(n) AS kind, n.name AS name, label(r) AS relation, label(s) AS via,
       coalesce(s.title, s.name) AS via_name, s.year AS year, s.as_of AS as_of,
       label(r2) AS role, o.name AS other
UNION ALL
MATCH (m:Event) WHERE m.id = $entity OR m.name = $entity
WITH collect(m.id) AS ids UNWIND ids AS i
MATCH (n:Event {id: i})
OPTIONAL MATCH (n)-[r]-(s)
WHERE NOT label(s) IN ['Document', 'Article']
OPTIONAL MATCH (s)-[r2]-(o)
WHERE label(s) IN ['Award', 'Position', 'Mentorship'] AND o.id <> n.id
  AND NOT label(o) IN ['Document', 'Article']
RETURN n.id AS id, label(n) AS kind, n.name AS name, label(r) AS relation, label(s) AS via,
       coalesce(s.title, s.name) AS via_name, s.year AS year, s.as_of AS as_of,
       label(r2) AS role, o.name AS other
ORDER BY id, relation, via, via_name, role, other
