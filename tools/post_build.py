#!/usr/bin/env python3
"""Trunk post-build hook.

1. Builds the app's code, split by area (tools/build_wasm.py), and starts it from its own
   script file, so the page's Content-Security-Policy can forbid inline scripts
   (script-src 'self').
2. Writes <meta name="app-base"> with the public URL, so the router works under a sub-path.
3. Builds each locale's catalogue but English (compiled into the app) into two hashed files,
   i18n/<tag>-<hash>.txt (the first screen's texts) and i18n/<tag>-later-<hash>.txt,
   listed in <meta name="sixstep-catalogues"> for the app to fetch
   the one it needs.
4. Joins the stylesheets (one per area in the source, `style/`) into one hashed file: a
   phone on a slow network fetches one file, not sixteen, before it can paint. The start-up
   script and the code's preloads come before it, so the download the first screen waits
   for longest starts first.
5. Puts the first visit's screen (public/first-visit/<language>.html, written by
   tools/first_visit.mjs) in the page, hidden, and starts the start-up script with what
   shows it: on a first visit a phone shows the dashboard before the code has come (see
   src/app/first_visit.rs).
6. Copies index.html to 404.html: static hosts serve it for unknown paths, so a reload on
   a deep link (/deals/42) still starts the app.
"""
import base64
import hashlib
from html import escape as html_escape
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
glue, main_module, preload = build_wasm.build(staging, public_url, release)

# The first visit's screen (src/app/first_visit.rs): a copy per language goes in the page,
# in a <template>; the start-up script shows the one of the language the app will start in,
# only where it is what the app will show, and removes them all otherwise.
i18n_src = os.path.join(build_wasm.ROOT, "src", "i18n")
tags = sorted(t for t in os.listdir(i18n_src) if os.path.isdir(os.path.join(i18n_src, t)))
copies = []
# Each language's primary tag ("zh" for zh-CN): what the script matches the browser's by.
primaries = set()
for tag in tags:
    path = os.path.join(build_wasm.ROOT, "public", "first-visit", f"{tag}.html")
    if not os.path.exists(path):
        sys.exit(f"post_build: {path} is missing: run `node tools/first_visit.mjs` on a release build")
    with open(path, encoding="utf-8") as f:
        copy = f.read().strip().replace(' href="/', f' href="{public_url}')
    # The start-up notice in that language, from its catalogue.
    with open(os.path.join(i18n_src, tag, "app.txt"), encoding="utf-8") as f:
        starting = re.search(r"^shell\.starting = (.+)$", f.read(), re.M)
    if not starting:
        sys.exit(f"post_build: src/i18n/{tag}/app.txt has no shell.starting")
    primary = tag.split("-")[0].lower()
    primaries.add(primary)
    copies.append(
        f'<template data-language="{primary}" lang="{tag}" '
        f'data-starting="{html_escape(starting.group(1).strip())}">{copy}</template>'
    )
marker = '<div id="boot"'
if marker not in html:
    sys.exit("post_build: no boot notice in index.html")
html = html.replace(
    marker,
    "\n    ".join(copies)
    + '\n    <div id="first-visit" class="first-visit" hidden inert aria-hidden="true"></div>\n    '
    + marker,
    1,
)
# The start-up script. With the first screen shown, the main module is asked for once it is
# painted: on a slow network the stylesheet and this script, which the first screen needs,
# do not share the line with the largest download. Otherwise it is asked for at once.
code = f"""const firstScreen = (() => {{
  const copy = document.getElementById('first-visit');
  const read = (key) => {{ try {{ return JSON.parse(localStorage.getItem(key)); }} catch {{ return null; }} }};
  let show = false;
  try {{
    const theme = read('sixstep.theme');
    if (typeof theme === 'string') document.documentElement.dataset.theme = theme;
    // The language the app will start in (src/state/prefs.rs: the one chosen, else the
    // first of the browser's it speaks, else English).
    const spoken = {sorted(primaries)!r};
    const wanted = [read('sixstep.locale'), ...(navigator.languages || []), navigator.language]
      .filter((t) => typeof t === 'string')
      .map((t) => t.toLowerCase().split(/[-_]/)[0])
      .find((t) => spoken.includes(t)) ?? 'en';
    const template = document.querySelector(`template[data-language="${{wanted}}"]`);
    // The start-up notice speaks that language too, with or without the copy.
    const boot = document.getElementById('boot');
    if (template && boot) {{
      boot.textContent = template.dataset.starting;
      boot.lang = template.getAttribute('lang');
    }}
    show = location.pathname === '{public_url}' && localStorage.getItem('sixstep.book') === null
      && template !== null;
    if (show) {{
      copy.append(template.content.cloneNode(true));
      copy.lang = template.getAttribute('lang');
      const dark = theme === 'dark' || (theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
      if (dark) copy.querySelector('.theme-toggle span').textContent = '\u2600';
    }}
  }} catch {{ show = false; }}
  for (const template of document.querySelectorAll('template[data-language]')) template.remove();
  if (copy && show) copy.hidden = false; else copy?.remove();
  return show;
}})();
try {{
  if (firstScreen) {{
    await new Promise((painted) => {{
      requestAnimationFrame(() => setTimeout(painted, 0));
      setTimeout(painted, 100);
    }});
  }}
  const mainModule = fetch('{main_module}');
  const {{ default: init }} = await import('{glue}');
  const wasm = await init({{ module_or_path: mainModule }});
  dispatchEvent(new CustomEvent('sixstep-started', {{ detail: {{ wasm }} }}));
}} catch (e) {{
  document.getElementById('first-visit')?.remove();
  throw e;
}}
"""
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

# Each language's texts in two files, as English's are split in the app (src/i18n/mod.rs,
# `areas!`): the first screen's, fetched before the app starts in that language, and the
# other pages', fetched with the code read after the first screen.
with open(os.path.join(i18n_src, "mod.rs"), encoding="utf-8") as f:
    first_areas = re.search(r"^areas!\(\s*first: \[(.*?)\]", f.read(), re.M | re.S)
if not first_areas:
    sys.exit("post_build: src/i18n/mod.rs has no `areas!(first: [...]` list")
first_areas = set(re.findall(r'"([a-z_]+)"', first_areas.group(1)))
os.makedirs(os.path.join(staging, "i18n"), exist_ok=True)
listed = []
for tag in tags:
    if tag == "en":
        continue
    folder = os.path.join(i18n_src, tag)
    parts = {True: [], False: []}
    for area in sorted(os.listdir(folder)):
        if area.endswith(".txt"):
            with open(os.path.join(folder, area), encoding="utf-8") as f:
                # Comments and blank lines are for translators; the app needs none.
                parts[area[:-4] in first_areas].extend(
                    line for line in f.read().splitlines()
                    if line.strip() and not line.lstrip().startswith("#")
                )
    for first, name, entry in ((True, tag, tag), (False, f"{tag}-later", f"{tag}.later")):
        text = "\n".join(parts[first]) + "\n"
        file = f"i18n/{name}-" + hashlib.sha256(text.encode()).hexdigest()[:16] + ".txt"
        with open(os.path.join(staging, file), "w", encoding="utf-8") as f:
            f.write(text)
        listed.append(f"{entry}={public_url}{file}")
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
