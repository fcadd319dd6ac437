// name: top_organisations_by_honours
// title_zh: 获得荣誉最多的机构（按层级和年份）
// title_en: Organisations with the most honours, by level and year
// param: level: str = ""
// param: year: int = 0
// returns: organisations counted by the awards they or their members received, grouped by the
// returns: honour's level and the award's year (only `level` / `year` when given; 0 = any year),
// returns: most first: organisation, id, level, year, honours (number of awards), recipients.
MATCH (o:Organisation)<-[:RECIPIENT|RECIPIENT_ORG]-(a:Award)-[:FOR_HONOUR]->(h:Honour),
      (a)-[:RECIPIENT]->(r)
WHERE ($level = '' OR h.level = $level) AND ($year = 0 OR a.year = $year)
RETURN o.name AS organisation, o.id AS id, h.level AS level, a.year AS year,
       count(DISTINCT a) AS honours, collect(DISTINCT r.name) AS recipients
ORDER BY honours DESC, organisation, level, year
