// name: shortest_connection
// title_zh: 两人之间的最短联系
// title_en: Shortest connection between two people
// param: person_a: str
// param: person_b: str
// returns: one shortest chain (at most 10 steps) of positions, awards, honours, organisations,
// returns: studios, events and mentorships linking the two people (by name or id; mere mentions
// returns: in the same document do not count): hops, names (along the chain), kinds (their classes).
MATCH (a:Person), (b:Person)
WHERE (a.id = $person_a OR a.name = $person_a) AND (b.id = $person_b OR b.name = $person_b) AND a.id <> b.id
MATCH path = (a)-[:HOLDER|IN_ORGANISATION|RECIPIENT|RECIPIENT_ORG|FOR_HONOUR|CONFERRED_BY|MASTER|APPRENTICE|LED_BY|HOSTED_BY|ORGANISED_BY|PART_OF* SHORTEST 1..10]-(b)
RETURN length(path) AS hops,
       list_transform(nodes(path), n -> coalesce(n.name, n.title, label(n))) AS names,
       list_transform(nodes(path), n -> label(n)) AS kinds
ORDER BY hops
LIMIT 1
