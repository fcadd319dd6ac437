"""The app's own words (view names, buttons) in Chinese and English; class and relation
labels come from the ontology instead."""
from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "title": {"zh": "荣誉图谱", "en": "Honours Graph"},
    "language": {"zh": "语言 / Language", "en": "Language / 语言"},
    "view": {"zh": "视图", "en": "View"},
    "search": {"zh": "搜索", "en": "Search"},
    "profile": {"zh": "概况", "en": "Profile"},
    "network": {"zh": "关系网络", "en": "Network"},
    "cypher": {"zh": "Cypher 查询", "en": "Cypher console"},
    "lineage": {"zh": "荣誉谱系导出", "en": "Lineage export"},
    "search_box": {"zh": "人物、机构、荣誉、工作室或活动（可用拼音、繁体、部分名称）",
                   "en": "A person, organisation, honour, studio or event (pinyin, traditional or partial names work)"},
    "no_results": {"zh": "没有找到匹配的条目。", "en": "Nothing matches."},
    "choose": {"zh": "选择条目", "en": "Choose an entry"},
    "open_profile": {"zh": "查看概况", "en": "Open profile"},
    "open_network": {"zh": "查看网络", "en": "Open network"},
    "open_lineage": {"zh": "导出谱系", "en": "Export lineage"},
    "entity": {"zh": "名称或编号", "en": "Name or id"},
    "person": {"zh": "人物姓名或编号", "en": "Person's name or id"},
    "type": {"zh": "类型", "en": "Type"},
    "name": {"zh": "名称", "en": "Name"},
    "organisation": {"zh": "单位", "en": "Organisation"},
    "facts": {"zh": "事实数", "en": "Facts"},
    "sources": {"zh": "出处", "en": "Sources"},
    "no_facts": {"zh": "没有存储关于该条目的事实。", "en": "No facts about this entry are stored."},
    "depth": {"zh": "深度", "en": "Depth"},
    "relations": {"zh": "关系类型", "en": "Relations"},
    "years": {"zh": "年份范围", "en": "Years"},
    "named": {"zh": "命名查询", "en": "Named queries"},
    "free": {"zh": "自由查询", "en": "Free query"},
    "row_cap": {"zh": "最多行数", "en": "Row cap"},
    "timeout": {"zh": "超时（秒）", "en": "Timeout (s)"},
    "run": {"zh": "运行", "en": "Run"},
    "rows": {"zh": "行", "en": "rows"},
    "truncated": {"zh": "结果已截断：请提高最多行数", "en": "more rows were cut: raise the row cap"},
    "download_csv": {"zh": "下载 CSV", "en": "Download CSV"},
    "download_md": {"zh": "下载 Markdown", "en": "Download Markdown"},
    "read_only": {"zh": "只读：写入语句会被拒绝。", "en": "Read-only: statements that write are refused."},
    "store": {"zh": "数据库", "en": "Store"},
    "aliases": {"zh": "别名", "en": "Aliases"},
    "identity": {"zh": "提及与合并依据", "en": "Mentions and merges, with their reasons"},
    "written": {"zh": "原文写法", "en": "As written"},
    "rule": {"zh": "身份规则", "en": "Rule"},
    "reason": {"zh": "依据", "en": "Reason"},
    "document": {"zh": "文献", "en": "Document"},
    "related": {"zh": "相关条目", "en": "Related entry"},
}


def text(key: str, lang: str) -> str:
    """The app's word ``key`` in ``lang`` (``zh`` or ``en``)."""
    return TEXT[key].get(lang) or TEXT[key]["en"]
