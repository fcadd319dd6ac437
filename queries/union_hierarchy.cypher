// name: union_hierarchy
// title_zh: 工会隶属层级
// title_en: Union hierarchy up from an organisation
// param: organisation: str
// returns: the organisation (by name or id) and every organisation above it via PART_OF,
// returns: nearest first: depth (0 = the organisation itself), name, id, kind, level, region.
MATCH path = (o:Organisation)-[:PART_OF*0..8]->(a:Organisation)
WHERE o.id = $organisation OR o.name = $organisation
RETURN DISTINCT length(path) AS depth, a.name AS name, a.id AS id, a.kind AS kind, a.level AS level,
       a.region AS region
ORDER BY depth, name
