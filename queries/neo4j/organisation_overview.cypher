// name: organisation_overview (Neo4j: an untyped null instead of CAST(NULL AS INT64))
MATCH (o:Organisation)<-[:IN_ORGANISATION]-(x:Position)-[:HOLDER]->(p:Person)
WHERE o.id = $organisation OR o.name = $organisation
RETURN o.name AS organisation, 'person' AS part, p.name AS name, x.title AS detail, null AS year
UNION ALL
MATCH (o:Organisation)<-[:RECIPIENT|RECIPIENT_ORG]-(a:Award)-[:FOR_HONOUR]->(h:Honour),
      (a)-[:RECIPIENT]->(r)
WHERE o.id = $organisation OR o.name = $organisation
RETURN o.name AS organisation, 'honour' AS part, h.name AS name, r.name AS detail, a.year AS year
UNION ALL
MATCH (o:Organisation)<-[:HOSTED_BY]-(s:Studio)
WHERE o.id = $organisation OR o.name = $organisation
OPTIONAL MATCH (s)-[:LED_BY]->(l:Person)
RETURN o.name AS organisation, 'studio' AS part, s.name AS name, l.name AS detail, null AS year
UNION ALL
MATCH (o:Organisation)<-[:PART_OF*1..6]-(c:Organisation)-[:PART_OF]->(parent:Organisation)
WHERE o.id = $organisation OR o.name = $organisation
RETURN DISTINCT o.name AS organisation, 'sub-organisation' AS part, c.name AS name,
       parent.name AS detail, null AS year
