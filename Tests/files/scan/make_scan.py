#!/usr/bin/env python3
"""Make prikaz-scan.pdf: an image-only A4 page that looks like a scanned Russian school order.

Steps: write the order as a flat ODF text document (A4, DejaVu Serif) -> LibreOffice makes a PDF
-> pdftoppm rasterises it at 200 dpi grayscale -> the page is "scanned": tilted by 0.7 degrees,
given a paper tone, slightly blurred, noised and a few specks, saved as JPEG (quality 60) ->
img2pdf wraps the JPEG in a PDF without any text layer. The ground truth (the exact text on the
page) is written to prikaz-scan.txt.

The text is an invented order of a fictitious school, written for the okrug project (no third-party
rights); names in it are fictitious.

Needs:
  system (Debian): libreoffice-writer (soffice), poppler-utils (pdftoppm), fonts-dejavu-core
  python (pip):    pillow, numpy, img2pdf   (tested: pillow 13.0.0, numpy 2.4.6, img2pdf 0.6.3)
Deterministic: fixed random seed, no dates in the PDF. Output bytes can still change if another
LibreOffice version or font version lays the text out differently.

Usage: python3 make_scan.py [OUTDIR] [--sample]   (default: the folder of this script)
       --sample: the sample site's order (Content/materials/soglasheniia-o-sotrudnichestve/)
"""
import io
import os
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

import img2pdf
import numpy as np
from PIL import Image, ImageFilter

SEED = 20230912
DPI = 200            # rasterisation resolution of the "scanner"
ROTATE_DEG = 0.7     # skew of the sheet on the glass
BLUR_RADIUS = 0.55   # Gaussian blur, pixels at DPI
NOISE_SIGMA = 6.0    # Gaussian grey-level noise (0..255 scale)
PAPER = 238          # grey level of the paper (white = 255)
INK = 30             # grey level of the darkest toner
SPECKS = 120         # number of small dark specks (dust)
JPEG_QUALITY = 60

HEADER = [
    ("center-bold", "МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ"),
    ("center-bold", "«СРЕДНЯЯ ОБЩЕОБРАЗОВАТЕЛЬНАЯ ШКОЛА № 3 ГОРОДА ЗАРЕЧНОГО»"),
    ("blank", ""),
    ("title", "ПРИКАЗ"),
    ("blank", ""),
    ("tabbed", "12 сентября 2023 г.\t№ 148-о"),
    ("blank", ""),
    ("bold", "О проведении школьного этапа всероссийской олимпиады школьников"),
    ("blank", ""),
]
BODY = [
    ("para", "В соответствии с Порядком проведения всероссийской олимпиады школьников, "
             "утверждённым приказом Министерства просвещения Российской Федерации, и в целях "
             "выявления и поддержки одарённых обучающихся"),
    ("bold", "ПРИКАЗЫВАЮ:"),
    ("para", "1. Провести школьный этап всероссийской олимпиады школьников по общеобразовательным "
             "предметам с 25 сентября по 27 октября 2023 года."),
    ("para", "2. Утвердить состав организационного комитета и предметных жюри (приложение 1)."),
    ("para", "3. Назначить ответственным за организацию и проведение олимпиады заместителя "
             "директора по учебной работе Смирнову Ольгу Николаевну."),
    ("para", "4. Классным руководителям 4–11 классов до 20 сентября 2023 года ознакомить "
             "обучающихся и их родителей (законных представителей) с графиком проведения "
             "олимпиады и правилами участия."),
    ("para", "5. Учителям обеспечить проверку олимпиадных работ в течение трёх рабочих дней и "
             "передать протоколы ответственному лицу."),
    ("para", "6. Результаты олимпиады разместить на официальном сайте школы не позднее "
             "10 ноября 2023 года."),
    ("para", "7. Контроль за исполнением настоящего приказа оставляю за собой."),
    ("blank", ""),
    ("blank", ""),
    ("tabbed", "Директор школы\tИ. П. Кузнецова"),
]
LINES = HEADER + BODY

# The sample site's scanned order (`make_scan.py OUTDIR --sample`): the partner school's order
# about the partnership, attached to the material on its agreements.
SAMPLE = [
    ("center-bold", "МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ"),
    ("center-bold", "«СРЕДНЯЯ ОБЩЕОБРАЗОВАТЕЛЬНАЯ ШКОЛА № 13»"),
    ("blank", ""),
    ("title", "ПРИКАЗ"),
    ("blank", ""),
    ("tabbed", "20 января 2023 г.\t№ 12-о"),
    ("blank", ""),
    ("bold", "Об организации сетевого взаимодействия в образовательном округе"),
    ("blank", ""),
    ("para", "В целях методического сопровождения школ-спутников и повышения качества образования "
             "в Пригородной СОШ, Покровской СОШ и филиале «СОШ № 9»"),
    ("bold", "ПРИКАЗЫВАЮ:"),
    ("para", "1. Заключить соглашения о сотрудничестве на 2023 год со школами-спутниками."),
    ("para", "2. Назначить координатором сетевого взаимодействия заместителя директора по учебной "
             "работе Ткаченко Елену Евгеньевну."),
    ("para", "3. Руководителям школьных методических объединений до 1 февраля 2023 года составить "
             "график взаимообучения педагогов и открытых уроков для коллег из школ-спутников."),
    ("para", "4. Итоги работы образовательного округа рассмотреть на педагогическом совете в декабре "
             "2023 года."),
    ("para", "5. Контроль за исполнением настоящего приказа оставляю за собой."),
    ("blank", ""),
    ("blank", ""),
    ("tabbed", "Директор школы\tА. В. Белый"),
]
if "--sample" in sys.argv:
    LINES = SAMPLE

FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls>
  <style:font-face style:name="DejaVu Serif" svg:font-family="'DejaVu Serif'"
   xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
   <style:text-properties style:font-name="DejaVu Serif" fo:font-size="12pt" fo:language="ru"
    fo:country="RU" fo:hyphenate="false"/>
  </style:default-style>
  <style:style style:name="para" style:family="paragraph">
   <style:paragraph-properties fo:text-align="justify" fo:text-indent="1.25cm"
    fo:line-height="130%" fo:margin-bottom="0.1cm"/>
  </style:style>
  <style:style style:name="blank" style:family="paragraph"/>
  <style:style style:name="bold" style:family="paragraph">
   <style:paragraph-properties fo:margin-bottom="0.1cm"/>
   <style:text-properties fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="center-bold" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-weight="bold" fo:font-size="11pt"/>
  </style:style>
  <style:style style:name="title" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-weight="bold" fo:font-size="16pt" fo:letter-spacing="0.1cm"/>
  </style:style>
  <style:style style:name="tabbed" style:family="paragraph">
   <style:paragraph-properties>
    <style:tab-stops><style:tab-stop style:position="17cm" style:type="right"/></style:tab-stops>
   </style:paragraph-properties>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
    fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="1.5cm"/>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1"/>
 </office:master-styles>
 <office:body><office:text>
{paras}
 </office:text></office:body>
</office:document>
"""


def fodt() -> str:
    paras = []
    for style, text in LINES:
        body = "<text:tab/>".join(escape(part) for part in text.split("\t"))
        paras.append(f'  <text:p text:style-name="{style}">{body}</text:p>')
    return FODT.replace("{paras}", "\n".join(paras))


def ground_truth() -> str:
    return "\n".join(text.replace("\t", " ") for style, text in LINES if style != "blank") + "\n"


def render_page(tmp: str) -> Image.Image:
    src = os.path.join(tmp, "prikaz.fodt")
    with open(src, "w", encoding="utf-8") as f:
        f.write(fodt())
    profile = "file://" + os.path.join(tmp, "lo-profile")
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", tmp, src],
                   check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pdf = os.path.join(tmp, "prikaz.pdf")
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", "-singlefile", pdf,
                    os.path.join(tmp, "page")], check=True, timeout=120)
    return Image.open(os.path.join(tmp, "page.png")).convert("L")


def degrade(page: Image.Image) -> Image.Image:
    rng = np.random.default_rng(SEED)
    w, h = page.size
    # toner: map white..black onto PAPER..INK (a scan never has pure white or black)
    a = np.asarray(page, dtype=np.float32) / 255.0
    a = INK + (PAPER - INK) * a
    # uneven illumination: a little darker towards the left (binding) edge and the bottom
    xs = np.linspace(0.0, 1.0, w, dtype=np.float32)[None, :]
    ys = np.linspace(0.0, 1.0, h, dtype=np.float32)[:, None]
    a -= 10.0 * np.exp(-xs / 0.06) + 4.0 * ys
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")
    # sheet slightly rotated on the glass; the uncovered corners are scanner-lid grey
    img = img.rotate(ROTATE_DEG, resample=Image.BICUBIC, expand=False, fillcolor=PAPER - 12)
    img = img.filter(ImageFilter.GaussianBlur(BLUR_RADIUS))
    a = np.asarray(img, dtype=np.float32)
    a += rng.normal(0.0, NOISE_SIGMA, size=a.shape).astype(np.float32)
    # dust: small dark specks
    for _ in range(SPECKS):
        y, x = int(rng.integers(0, h - 3)), int(rng.integers(0, w - 3))
        r = int(rng.integers(1, 3))
        a[y:y + r, x:x + r] -= float(rng.uniform(60, 140))
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")


def main() -> None:
    arguments = [a for a in sys.argv[1:] if a != "--sample"]
    outdir = arguments[0] if arguments else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(outdir, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        page = render_page(tmp)
    scan = degrade(page)
    buf = io.BytesIO()
    scan.save(buf, "JPEG", quality=JPEG_QUALITY, dpi=(DPI, DPI), optimize=True)
    # internal engine: no random /ID (the pikepdf engine adds one)
    pdf_bytes = img2pdf.convert(buf.getvalue(), nodate=True, engine=img2pdf.Engine.internal)
    with open(os.path.join(outdir, "prikaz-scan.pdf"), "wb") as f:
        f.write(pdf_bytes)
    with open(os.path.join(outdir, "prikaz-scan.txt"), "w", encoding="utf-8") as f:
        f.write(ground_truth())
    print(f"prikaz-scan.pdf: {len(pdf_bytes)} bytes, {scan.size[0]}x{scan.size[1]} px at {DPI} dpi")


if __name__ == "__main__":
    main()
