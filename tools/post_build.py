#!/usr/bin/env python3
"""Trunk post-build hook.

1. Moves Trunk's inline start-up <script type="module"> into its own file, so the page's
   Content-Security-Policy can forbid inline scripts (script-src 'self').
2. Writes <meta name="app-base"> with the public URL, so the router works under a sub-path.
3. Copies index.html to 404.html: static hosts serve it for unknown paths, so a reload on
   a deep link (/deals/42) still starts the app.
"""
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR")
if not staging:
    sys.exit("TRUNK_STAGING_DIR is not set: run this from Trunk's post_build hook")
public_url = os.environ.get("TRUNK_PUBLIC_URL", "/") or "/"
if not public_url.endswith("/"):
    public_url += "/"

index_path = os.path.join(staging, "index.html")
with open(index_path, encoding="utf-8") as f:
    html = f.read()

pattern = re.compile(r'<script type="module"([^>]*)>(.*?)</script>', re.S)
scripts = [m for m in pattern.finditer(html) if m.group(2).strip()]
if len(scripts) != 1:
    sys.exit(f"expected one inline module script from Trunk, found {len(scripts)}")
m = scripts[0]
code = m.group(2).strip() + "\n"
name = "boot-" + hashlib.sha256(code.encode()).hexdigest()[:16] + ".js"
with open(os.path.join(staging, name), "w", encoding="utf-8") as f:
    f.write(code)
attrs = re.sub(r'\s(nonce|integrity)="[^"]*"', "", m.group(1))
html = html[: m.start()] + f'<script type="module"{attrs} src="{public_url}{name}"></script>' + html[m.end():]

meta = f'<meta name="app-base" content="{public_url}">'
html = html.replace('<meta name="viewport"', meta + '\n    <meta name="viewport"', 1)

for target in ("index.html", "404.html"):
    with open(os.path.join(staging, target), "w", encoding="utf-8") as f:
        f.write(html)
print(f"post_build: {name}, base {public_url}, 404.html written")
