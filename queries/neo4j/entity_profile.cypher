// name: entity_profile (Neo4j: labels() and type() instead of label(); one indexed lookup per class)
CALL () {
  MATCH (n:Person) WHERE n.id = $entity OR n.name = $entity RETURN n
  UNION
  MATCH (n:Organisation) WHERE n.id = $entity OR n.name = $entity RETURN n
  UNION
  MATCH (n:Honour) WHERE n.id = $entity OR n.name = $entity RETURN n
  UNION
  MATCH (n:Studio) WHERE n.id = $entity OR n.name = $entity RETURN n
  UNION
  MATCH (n:Event) WHERE n.id = $entity OR n.name = $entity RETURN n
}
OPTIONAL MATCH (n)-[r]-(s)
WHERE NOT labels(s)[0] IN ['Document', 'Article']
OPTIONAL MATCH (s)-[r2]-(o)
WHERE labels(s)[0] IN ['Award', 'Position', 'Mentorship'] AND o.id <> n.id
  AND NOT labels(o)[0] IN ['Document', 'Article']
RETURN n.id AS id, labels(n)[0] AS kind, n.name AS name, type(r) AS relation, labels(s)[0] AS via,
       coalesce(s.title, s.name) AS via_name, s.year AS year, s.as_of AS as_of,
       type(r2) AS role, o.name AS other
ORDER BY id, relation, via, via_name, role, other
