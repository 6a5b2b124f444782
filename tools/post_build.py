#!/usr/bin/env python3
"""Trunk post-build hook.

1. Builds the app's code, split by area (tools/build_wasm.py), and starts it from its own
   script file, so the page's Content-Security-Policy can forbid inline scripts
   (script-src 'self').
2. Writes <meta name="app-base"> with the public URL, so the router works under a sub-path.
3. Builds each locale's catalogue but English (compiled into the app) into one hashed file,
   i18n/<tag>-<hash>.txt, listed in <meta name="sixstep-catalogues"> for the app to fetch
   the one it needs.
4. Joins the stylesheets (one per area in the source, `style/`) into one hashed file: a
   phone on a slow network fetches one file, not sixteen, before it can paint. The start-up
   script and the code's preloads come before it, so the download the first screen waits
   for longest starts first.
5. Copies index.html to 404.html: static hosts serve it for unknown paths, so a reload on
   a deep link (/deals/42) still starts the app.
"""
import base64
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

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_wasm  # noqa: E402

release = os.environ.get("TRUNK_PROFILE", "debug") == "release"
code, preload = build_wasm.build(staging, public_url, release)
name = "boot-" + hashlib.sha256(code.encode()).hexdigest()[:16] + ".js"
with open(os.path.join(staging, name), "w", encoding="utf-8") as f:
    f.write(code)
script = f'<script type="module" src="{public_url}{name}"></script>'

links = list(re.finditer(r'<link rel="stylesheet" href="([^"]+)"[^>]*>\n?\s*', html))
if not links:
    sys.exit("post_build: no stylesheet in index.html")
css = []
for m in links:
    href = m.group(1)
    if not href.startswith(public_url):
        sys.exit(f"post_build: stylesheet {href} is not under {public_url}")
    path = os.path.join(staging, href[len(public_url):])
    with open(path, encoding="utf-8") as f:
        css.append(f.read().rstrip("\n") + "\n")
    os.remove(path)
css = "".join(css).encode()
style = "style-" + hashlib.sha256(css).hexdigest()[:16] + ".css"
with open(os.path.join(staging, style), "wb") as f:
    f.write(css)
integrity = "sha384-" + base64.b64encode(hashlib.sha384(css).digest()).decode()
joined = (
    f"{script}\n    {preload}\n    "
    f'<link rel="stylesheet" href="{public_url}{style}" integrity="{integrity}">\n    '
)
html = html[: links[0].start()] + joined + "".join(
    html[a.end() : b.start()] for a, b in zip(links, links[1:])
) + html[links[-1].end() :]

i18n_src = os.path.join(build_wasm.ROOT, "src", "i18n")
os.makedirs(os.path.join(staging, "i18n"), exist_ok=True)
listed = []
for tag in sorted(os.listdir(i18n_src)):
    folder = os.path.join(i18n_src, tag)
    if tag == "en" or not os.path.isdir(folder):
        continue
    parts = []
    for area in sorted(os.listdir(folder)):
        if area.endswith(".txt"):
            with open(os.path.join(folder, area), encoding="utf-8") as f:
                # Comments and blank lines are for translators; the app needs none.
                parts.extend(
                    line for line in f.read().splitlines()
                    if line.strip() and not line.lstrip().startswith("#")
                )
    text = "\n".join(parts) + "\n"
    file = f"i18n/{tag}-" + hashlib.sha256(text.encode()).hexdigest()[:16] + ".txt"
    with open(os.path.join(staging, file), "w", encoding="utf-8") as f:
        f.write(text)
    listed.append(f"{tag}={public_url}{file}")
catalogues = '<meta name="sixstep-catalogues" content="' + " ".join(listed) + '">'

meta = f'<meta name="app-base" content="{public_url}">\n    ' + catalogues
html = html.replace('<meta name="viewport"', meta + '\n    <meta name="viewport"', 1)

for target in ("index.html", "404.html"):
    with open(os.path.join(staging, target), "w", encoding="utf-8") as f:
        f.write(html)
print(
    f"post_build: {name}, {style} ({len(links)} stylesheets), base {public_url}, "
    f"{len(listed)} catalogues, 404.html written"
)
