"""What photos cost the build: N twelve-megapixel JPEG photos (4000×3000, each with its own bytes,
EXIF with GPS), in one photo-report material of the sample site, built from an empty cache, then
again unchanged. Prints the time (the sample's own files are built first, so the figures are the photos'), okrug's peak memory and the largest
tool's, and what the page of 20 photos transfers at 360 px against its originals.

    .venv/bin/python scripts/bench/pictures.py --okrug .build/release/okrug --photos 1000

Needs libvips and cwebp (scripts/setup.sh --office) and Pillow (scripts/setup.sh --tests).
"""
import argparse
import os
import pathlib
import resource
import shutil
import subprocess
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]


def base_photo(path):
    """A photo-like 4000×3000 JPEG (smooth gradients and grain, as a camera gives), with EXIF GPS."""
    from PIL import Image, ImageFilter
    small = Image.new("RGB", (400, 300))
    for x in range(400):
        for y in range(300):
            small.putpixel((x, y), ((x * 255) // 400, (y * 255) // 300, ((x + y) * 3) % 256))
    image = small.resize((4000, 3000), Image.BICUBIC).filter(ImageFilter.GaussianBlur(2))
    noise = Image.effect_noise((4000, 3000), 24).convert("RGB")
    image = Image.blend(image, noise, 0.12)
    exif = Image.Exif()
    exif[0x0112] = 1
    exif.get_ifd(0x8825).update({1: "N", 2: (55.0, 45.0, 21.0), 3: "E", 4: (37.0, 37.0, 4.0)})
    image.save(path, "JPEG", quality=92, exif=exif)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--okrug", default=str(ROOT / ".build" / "release" / "okrug"))
    parser.add_argument("--photos", type=int, default=1000)
    args = parser.parse_args()
    work = pathlib.Path(tempfile.mkdtemp(prefix="okrug-pictures-bench-"))
    try:
        shutil.copytree(ROOT / "Content", work / "Content")
        folder = work / "Content" / "materials" / "fotootchet"
        folder.mkdir()
        base = work / "base.jpg"
        base_photo(base)
        data = base.read_bytes()
        body = []
        for number in range(args.photos):
            name = f"foto-{number:04d}.jpg"
            # Bytes after the image's end: another file to okrug, the same picture to a decoder.
            (folder / name).write_bytes(data + f"okrug bench {number}".encode())
            body.append(f"![Фото {number + 1}]({name})")
        (folder / "index.md").write_text(
            "---\ntitle: Фотоотчёт\ndate: 2023-03-01\nauthors: [Ткаченко Е.Е.]\nschool: sosh13\n"
            "direction: joint-events\nkind: seminar\n---\n\n" + "\n\n".join(body) + "\n")
        env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")

        def build(label):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.monotonic()
            process = subprocess.Popen(
                ["/usr/bin/time", "-f", "%M", args.okrug, "build", "--no-search", "--content", str(work / "Content"),
                 "--output", str(work / "Public")], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                text=True)
            out, err = process.communicate()
            seconds = time.monotonic() - start
            if process.returncode != 0:
                raise SystemExit(err)
            okrug_peak = int(err.strip().splitlines()[-1]) // 1024
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
            print(f"{label:<40} {seconds:8.1f} s   CPU {cpu:7.1f} s   okrug peak {okrug_peak} MB")
            return seconds

        print(f"{args.photos} photos of 4000×3000 ({len(data) / 1e6:.1f} MB each), {os.cpu_count()} cores")
        # The sample's own files (LibreOffice, OCR) first, so the figures below are the photos' alone.
        shutil.move(str(folder), str(work / "fotootchet"))
        build("the sample alone, empty cache")
        shutil.move(str(work / "fotootchet"), str(folder))
        cold = build("+ the photos")
        warm = build("rebuild, nothing changed")
        per_photo = cold / args.photos
        print(f"{'':<40} {'okrug':>10} {'goal':>10}")
        print(f"{'per photo':<40} {per_photo:8.3f} s {0.06:8.3f} s")
        print(f"{'1 000 photos (from the figure above)':<40} {per_photo * 1000:8.0f} s {60:8.0f} s")
        print(f"{'rebuild / build':<40} {warm / cold:8.3f}")
        largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
        print(f"{'largest single process (okrug or a tool)':<40} {largest:8d} MB")
        page = (work / "Public" / "materials" / "fotootchet" / "index.html").read_text()
        first = page.count("<picture>")
        print(f"{'pictures on the page':<40} {first:8d}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
