# Pelican settings for the sitegen benchmark: the same pages as sitegen builds
# (posts, paginated home, tag pages, tag index, Atom feed) and nothing more.
import os

_HERE = os.path.dirname(os.path.abspath(__file__))

AUTHOR = "A. Practitioner"
SITENAME = "Notes from the treatment room"
SITEURL = "https://example.org"
RELATIVE_URLS = False
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

PATH = os.path.join(_HERE, "content")
THEME = os.path.join(_HERE, "theme")
CACHE_PATH = os.path.join(_HERE, "cache")
STATIC_PATHS = []
PAGE_PATHS = []
DELETE_OUTPUT_DIRECTORY = False

# The content cache is off here; run.py turns it on for the "pelican+cache" column.
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False

DEFAULT_PAGINATION = 10
PAGINATED_TEMPLATES = {"index": None, "tag": None}

ARTICLE_URL = "posts/{slug}/"
ARTICLE_SAVE_AS = "posts/{slug}/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
TAGS_URL = "tags/"
TAGS_SAVE_AS = "tags/index.html"

# sitegen also writes an archive page, a sitemap and a search index: so does this site.
DIRECT_TEMPLATES = ["index", "tags", "archives", "sitemap", "search_index"]
ARCHIVES_SAVE_AS = "archive/index.html"
SITEMAP_SAVE_AS = "sitemap.xml"
SEARCH_INDEX_SAVE_AS = "search-index.json"
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
PAGE_SAVE_AS = ""
DRAFT_SAVE_AS = ""

FEED_ALL_ATOM = "feed.xml"
FEED_ALL_RSS = None
FEED_ATOM = None
FEED_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
TAG_FEED_ATOM = "tags/{slug}/feed.xml"
TAG_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
FEED_MAX_ITEMS = 20

SUMMARY_MAX_LENGTH = 60

# Pages 2, 3, ... of the home page and of each tag at .../page/N/, like sitegen.
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
