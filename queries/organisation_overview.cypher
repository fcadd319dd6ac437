// name: organisation_overview
// title_zh: 机构概览：人员、荣誉、下级组织
// title_en: An organisation's people, honours and sub-organisations
// param: organisation: str
// returns: rows of the organisation (by name or id) with part = person (name, detail = title),
// returns: honour (name = honour, detail = recipient, year), studio (hosted here, detail = leader)
// returns: or sub-organisation (any depth via PART_OF, detail = its direct parent).
MATCH (o:Organisation)<-[:IN_ORGANISATION]-(x:Position)-[:HOLDER]->(p:Person)
WHERE o.id = $organisation OR o.name = $organisation
RETURN o.name AS organisation, 'person' AS part, p.name AS name, x.title AS detail,
       CAST(NULL AS INT64) AS year
UNION ALL
MATCH (o:Organisation)<-[:RECIPIENT|RECIPIENT_ORG]-(a:Award)-[:FOR_HONOUR]->(h:Honour),
      (a)-[:RECIPIENT]->(r)
WHERE o.id = $organisation OR o.name = $organisation
RETURN o.name AS organisation, 'honour' AS part, h.name AS name, r.name AS detail, a.year AS year
UNION ALL
MATCH (o:Organisation)<-[:HOSTED_BY]-(s:Studio)
WHERE o.id = $organisation OR o.name = $organisation
OPTIONAL MATCH (s)-[:LED_BY]->(l:Person)
RETURN o.name AS organisation, 'studio' AS part, s.name AS name, l.name AS detail,
       CAST(NULL AS INT64) AS year
UNION ALL
MATCH (o:Organisation)<-[:PART_OF*1..6]-(c:Organisation)-[:PART_OF]->(parent:Organisation)
WHERE o.id = $organisation OR o.name = $organisation
RETURN DISTINCT o.name AS organisation, 'sub-organisation' AS part, c.name AS name,
       parent.name AS detail, CAST(NULL AS INT64) AS year
