import re


def template_names(response):
    return [template.name for template in response.templates if template.name]


def html_tag(response):
    """The opening <html> tag of a rendered page."""
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


def switcher_links(response):
    """{language code: (href, attributes)} of the language switcher."""
    html = response.content.decode()
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    links = {}
    for match in re.finditer(r"<a ([^>]*)>", nav):
        attributes = match.group(1)
        code = re.search(r'hreflang="([^"]+)"', attributes).group(1)
        links[code] = (re.search(r'href="([^"]+)"', attributes).group(1), attributes)
    return links
