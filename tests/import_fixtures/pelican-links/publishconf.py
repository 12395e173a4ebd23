from pelicanconf import *
SITEURL = 'https://oakes-reflexology.example'
