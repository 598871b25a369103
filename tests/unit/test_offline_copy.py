"""What the offline copy holds, how its files are named and hashed, and the web app manifest."""

from __future__ import annotations

import base64
import hashlib
import json

from guidekit.offline import (
    Entry,
    cache_version,
    entries,
    linked_files,
    offline_files,
    page_url,
    retiring_worker,
    service_worker,
    web_manifest,
)


def make_site(tmp_path, lang=("en",)):
    files = {
        "index.html": '<link rel="stylesheet" href="assets/main.css"><script src="assets/app.js?v=1"></script>'
        '<link rel="icon" href="images/icon.svg"><link rel="manifest" href="manifest.webmanifest">'
        '<a href="payment/">pay</a><img src="https://example.org/x.png">',
        "payment/index.html": '<link rel="stylesheet" href="../assets/main.css"><img src="../images/photo.png">'
        '<link rel="canonical" href="https://example.org/payment/">',
        "404.html": '<link rel="stylesheet" href="/assets/main.css">',
        "assets/main.css": "body{}",
        "assets/main.css.map": "{}",
        "assets/app.js": "x",
        "assets/unused.js": "y",
        "assets/javascripts/workers/search.abc.min.js": "w",
        "assets/javascripts/lunr/min/lunr.ko.min.js": "k",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": "s",
        "assets/javascripts/lunr/min/lunr.multi.min.js": "m",
        "images/icon.svg": "<svg/>",
        "images/photo.png": "png",
        "images/share-card.png": "png",
        "images/icons/icon-192.png": "png",
        "search/search_index.json": json.dumps({"config": {"lang": list(lang)}, "docs": []}),
        "sitemap.xml": "<urlset/>",
        "manifest.webmanifest": json.dumps({"icons": [{"src": "images/icons/icon-192.png"}]}),
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_pages_are_their_folders():
    assert page_url("index.html") == "./"
    assert page_url("payment/index.html") == "payment/"
    assert page_url("assets/main.css") == "assets/main.css"


def test_a_page_links_its_stylesheets_scripts_and_images_but_not_other_sites_or_pages(tmp_path):
    site = make_site(tmp_path)
    home = (site / "index.html").read_text()
    assert linked_files(site, "index.html", home) == {
        "assets/main.css",
        "assets/app.js",
        "images/icon.svg",
        "manifest.webmanifest",
    }
    page = (site / "payment/index.html").read_text()
    assert linked_files(site, "payment/index.html", page) == {"assets/main.css", "images/photo.png"}


def test_the_copy_holds_what_pages_use_and_nothing_else(tmp_path):
    site = make_site(tmp_path)
    assert offline_files(site) == [
        "404.html",
        "assets/app.js",
        "assets/javascripts/workers/search.abc.min.js",
        "assets/main.css",
        "images/icon.svg",
        "images/icons/icon-192.png",
        "images/photo.png",
        "index.html",
        "manifest.webmanifest",
        "payment/index.html",
        "search/search_index.json",
    ]


def test_lunr_language_packs_only_for_the_index_languages(tmp_path):
    site = make_site(tmp_path, lang=("en", "ko"))
    lunr = [f for f in offline_files(site) if "/lunr/" in f]
    assert lunr == [
        "assets/javascripts/lunr/min/lunr.ko.min.js",
        "assets/javascripts/lunr/min/lunr.multi.min.js",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
    ]


def test_each_file_carries_the_hash_the_browser_checks(tmp_path):
    site = make_site(tmp_path)
    by_url = {e.url: e for e in entries(site)}
    css = by_url["assets/main.css"]
    assert css.size == 6
    assert css.integrity == "sha384-" + base64.b64encode(hashlib.sha384(b"body{}").digest()).decode()
    assert "./" in by_url and "payment/" in by_url and "index.html" not in by_url


def test_the_cache_name_changes_with_any_file_and_with_the_worker_code_only():
    files = [Entry("./", 1, "sha384-a"), Entry("x.css", 1, "sha384-b")]
    same = cache_version(files, "code")
    assert cache_version(list(files), "code") == same
    assert cache_version([files[0], Entry("x.css", 1, "sha384-c")], "code") != same
    assert cache_version(files, "other code") != same


def test_the_worker_lists_every_file_and_its_hash(tmp_path):
    site = make_site(tmp_path)
    script = service_worker(entries(site))
    listed = json.loads(script.split("const FILES = ", 1)[1].split(";\n", 1)[0])
    assert [url for url, _ in listed] == [e.url for e in entries(site)]
    assert all(integrity.startswith("sha384-") for _, integrity in listed)
    assert '"guide-offline"' in script and '"404.html"' in script
    assert "unregister()" in retiring_worker() and "guide-offline" in retiring_worker()


def test_the_manifest_stays_in_the_sites_folder():
    manifest = json.loads(
        web_manifest(name="이름", short_name="짧은", description="설명", theme_color="#111", background_color="#fff")
    )
    assert manifest["start_url"] == manifest["scope"] == manifest["id"] == "./"
    assert manifest["lang"] == "ko" and manifest["display"] == "standalone" and manifest["short_name"] == "짧은"
    assert all(not icon["src"].startswith(("/", "http")) for icon in manifest["icons"])
    assert {(i["sizes"], i["purpose"]) for i in manifest["icons"]} == {
        ("192x192", "any"),
        ("512x512", "any"),
        ("192x192", "maskable"),
        ("512x512", "maskable"),
    }


def test_a_module_brings_what_it_imports(tmp_path):
    """A page links a module with <script type="module" src>; the files it imports (and they import) are
    linked by no page, and the module does not run offline without them."""
    site = make_site(tmp_path)
    (site / "index.html").write_text('<script src="js/helper.js" type="module"></script>', encoding="utf-8")
    (site / "js").mkdir()
    (site / "js/helper.js").write_text(
        'import {\n  a,\n  b,\n} from "./math.js";\nimport "../shared/one.js";\nconst x = "./not-an-import.js";\n',
        encoding="utf-8",
    )
    (site / "js/math.js").write_text('export * from "./deeper.js";\nexport const a = 1, b = 2;\n', encoding="utf-8")
    (site / "js/deeper.js").write_text("export const c = 3;\n", encoding="utf-8")
    (site / "js/not-an-import.js").write_text("", encoding="utf-8")
    (site / "shared").mkdir()
    (site / "shared/one.js").write_text("", encoding="utf-8")
    (site / "js/later.js").write_text('export { c } from "./deeper.js";\n', encoding="utf-8")
    (site / "js/helper.js").write_text(
        (site / "js/helper.js").read_text(encoding="utf-8") + 'button.onclick = () => import( "./later.js" );\n',
        encoding="utf-8",
    )
    files = offline_files(site)
    # A module fetched when first needed (`import("./later.js")`) must be in the copy too: offline is when.
    assert {"js/helper.js", "js/math.js", "js/deeper.js", "shared/one.js", "js/later.js"} <= set(files)
    assert "js/not-an-import.js" not in files
