AUTHOR = 'Tamsin Oakes'
SITENAME = 'Oakes Reflexology'
SITEURL = ''
PATH = 'content'
TIMEZONE = 'Europe/London'
ARTICLE_URL = '{slug}.html'
STATIC_PATHS = ['images']
