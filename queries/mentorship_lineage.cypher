// name: mentorship_lineage
// title_zh: 师徒传承谱系
// title_en: Mentorship lineage over several generations
// param: person: str
// returns: master → apprentice links around the person (by name or id), up to three generations
// returns: below (generation 1, 2, 3: their apprentices, theirs …) and two above (-1: the person's
// returns: masters, -2: theirs): generation, master, master_id, apprentice, apprentice_id.
MATCH (p:Person)<-[:MASTER]-(:Mentorship)-[:APPRENTICE]->(a1:Person)
WHERE p.id = $person OR p.name = $person
RETURN 1 AS generation, p.name AS master, p.id AS master_id, a1.name AS apprentice, a1.id AS apprentice_id
UNION
MATCH (p:Person)<-[:MASTER]-(:Mentorship)-[:APPRENTICE]->(a1:Person)<-[:MASTER]-(:Mentorship)-[:APPRENTICE]->(a2:Person)
WHERE p.id = $person OR p.name = $person
RETURN 2 AS generation, a1.name AS master, a1.id AS master_id, a2.name AS apprentice, a2.id AS apprentice_id
UNION
MATCH (p:Person)<-[:MASTER]-(:Mentorship)-[:APPRENTICE]->(:Person)<-[:MASTER]-(:Mentorship)-[:APPRENTICE]->(a2:Person)<-[:MASTER]-(:Mentorship)-[:APPRENTICE]->(a3:Person)
WHERE p.id = $person OR p.name = $person
RETURN 3 AS generation, a2.name AS master, a2.id AS master_id, a3.name AS apprentice, a3.id AS apprentice_id
UNION
MATCH (m1:Person)<-[:MASTER]-(:Mentorship)-[:APPRENTICE]->(p:Person)
WHERE p.id = $person OR p.name = $person
RETURN -1 AS generation, m1.name AS master, m1.id AS master_id, p.name AS apprentice, p.id AS apprentice_id
UNION
MATCH (m2:Person)<-[:MASTER]-(:Mentorship)-[:APPRENTICE]->(m1:Person)<-[:MASTER]-(:Mentorship)-[:APPRENTICE]->(p:Person)
WHERE p.id = $person OR p.name = $person
RETURN -2 AS generation, m2.name AS master, m2.id AS master_id, m1.name AS apprentice, m1.id AS apprentice_id
