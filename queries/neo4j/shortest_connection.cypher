// name: shortest_connection (Neo4j: shortestPath() and list comprehensions)
MATCH (a:Person)
WHERE a.id = $person_a OR a.name = $person_a
WITH a
MATCH (b:Person)
WHERE (b.id = $person_b OR b.name = $person_b) AND a.id <> b.id
MATCH path = shortestPath((a)-[:HOLDER|IN_ORGANISATION|RECIPIENT|RECIPIENT_ORG|FOR_HONOUR|CONFERRED_BY|MASTER|APPRENTICE|LED_BY|HOSTED_BY|ORGANISED_BY|PART_OF*1..10]-(b))
RETURN length(path) AS hops,
       [n IN nodes(path) | coalesce(n.name, n.title, labels(n)[0])] AS names,
       [n IN nodes(path) | labels(n)[0]] AS kinds
ORDER BY hops
LIMIT 1
