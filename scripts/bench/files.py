"""What files cost the build: a bank of N office files and PDFs (the third-party test documents of
Tests/files, each copy made different so it is converted on its own), built from an empty cache,
then again unchanged, then with one file changed. Prints the figures of the README's «Файлы»
side by side: conversions per file, the cached rebuild, how many times each converter ran, and
what search keeps per page of a file against a material's page.

    .venv/bin/python scripts/bench/files.py --okrug .build/release/okrug --files 200

Needs LibreOffice, poppler, tesseract (scripts/setup.sh --office) and Pagefind (.venv).
"""
import argparse
import gzip
import io
import json
import os
import pathlib
import shutil
import stat
import subprocess
import tempfile
import time
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "Tests" / "files"
# Formats whose copies can be made different without breaking them: a zip gets an extra
# entry, a PDF a comment after its end.
KINDS = ["pdf", "docx", "pptx", "xlsx", "odt", "odp", "ods"]


def fixtures():
    manifest = json.loads((FIXTURES / "thirdparty" / "manifest.json").read_text())
    found = {}
    for entry in manifest:
        found.setdefault(entry["format"], FIXTURES / "thirdparty" / entry["file"])
    found["scan"] = FIXTURES / "scan" / "prikaz-scan.pdf"
    return found


def unique_copy(source, target, number):
    data = source.read_bytes()
    if source.suffix == ".pdf":
        target.write_bytes(data + f"\n% okrug bench copy {number}\n".encode())
        return
    odf = source.suffix in (".odt", ".odp", ".ods")
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            part = old.read(info.filename)
            # An ODF file with a part its manifest does not list is «damaged» to LibreOffice:
            # its properties get the number instead.
            if odf and info.filename == "meta.xml":
                part = part.replace(b"</office:meta>",
                                    f"<meta:user-defined meta:name=\"okrug\">{number}</meta:user-defined>"
                                    "</office:meta>".encode())
            new.writestr(info, part)
        if not odf:
            new.writestr("okrug-bench.txt", f"copy {number}")


def counting_wrapper(folder, name, real):
    """A script that counts its runs in `folder/name.count`, then runs the real program."""
    script = folder / name
    script.write_text(f'#!/bin/sh\necho >> "{folder / (name + ".count")}"\nexec "{real}" "$@"\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def runs(folder, name):
    path = folder / (name + ".count")
    return len(path.read_text().splitlines()) if path.exists() else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--okrug", default=str(ROOT / ".build" / "release" / "okrug"))
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--scans", type=int, default=10, help="how many of the files are scanned PDFs")
    parser.add_argument("--keep", action="store_true", help="leave the working folder (its path is printed)")
    args = parser.parse_args()

    work = pathlib.Path(tempfile.mkdtemp(prefix="okrug-files-bench-"))
    try:
        shutil.copytree(ROOT / "Content", work / "Content")
        tools = work / "tools"
        tools.mkdir()
        env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
        for variable, name in (("OKRUG_SOFFICE", "soffice"), ("OKRUG_PDFTOTEXT", "pdftotext"),
                               ("OKRUG_TESSERACT", "tesseract"), ("OKRUG_PDFTOPPM", "pdftoppm")):
            env[variable] = str(counting_wrapper(tools, name, shutil.which(name)))
        sources = fixtures()
        folder = work / "Content" / "materials" / "bank-failov"
        folder.mkdir()
        lines = ["---", "title: Банк файлов", "date: 2023-03-01", "authors: [Ткаченко Е.Е.]", "school: sosh13",
                 "direction: methodical", "kind: guide", "attachments:"]
        for number in range(args.files):
            kind = "scan" if number < args.scans else KINDS[number % len(KINDS)]
            source = sources[kind]
            name = f"fail-{number:04d}{source.suffix}"
            unique_copy(source, folder / name, number)
            lines.append(f"  - {{file: {name}, title: Файл {number}}}")
        (folder / "index.md").write_text("\n".join(lines + ["---", "", "Файлы для замера.", ""]))

        def build(label):
            for count in tools.glob("*.count"):
                count.unlink()
            start = time.monotonic()
            result = subprocess.run([args.okrug, "build", "--content", str(work / "Content"), "--output",
                                     str(work / "Public")], cwd=ROOT, env=env, capture_output=True, text=True)
            seconds = time.monotonic() - start
            if result.returncode != 0:
                raise SystemExit(result.stderr)
            ran = {name: runs(tools, name) for name in ("soffice", "pdftotext", "tesseract", "pdftoppm")}
            print(f"{label:<44} {seconds:8.1f} s   " + "  ".join(f"{k} {v}" for k, v in ran.items()))
            return seconds

        # The cache is .okrug-cache beside Content/: the bench's own, empty at first.
        print(f"{args.files} files ({args.scans} scanned PDFs), {os.cpu_count()} cores")
        cold = build("build, empty cache (everything converted)")
        warm = build("rebuild, nothing changed")
        # One office file replaced by another content (a docx: number % len(KINDS) == 1).
        changed = next(n for n in range(args.scans, args.files) if KINDS[n % len(KINDS)] == "docx")
        unique_copy(sources["docx"], folder / f"fail-{changed:04d}.docx", 99999)
        one = build("rebuild, one file changed")
        print(f"{'per file, empty cache':<44} {cold / args.files:8.2f} s")
        print(f"{'rebuild unchanged / build':<44} {warm / cold:8.3f}")
        print(f"{'rebuild one changed':<44} {one:8.1f} s")

        bundle = work / "Public" / "pagefind"
        total = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
        print(f"{'search index (pagefind/)':<44} {total / 1024:8.0f} KB")
        # What a result costs the reader: each page's fragment (gzip), a file's text part
        # against the largest material page.
        files, materials = [], []
        for fragment in (bundle / "fragment").glob("*.pf_fragment"):
            size = fragment.stat().st_size
            data = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd"):])
            (files if "/tekst/" in data["url"] or "/chitat/" in data["url"] else materials).append(size)
        print(f"{'pages of files in search':<44} {len(files):8d}")
        print(f"{'fragment: largest file part / largest material':<44} {max(files) / 1024:8.1f} KB / "
              f"{max(materials) / 1024:.1f} KB")
    finally:
        if args.keep:
            print("kept:", work)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
