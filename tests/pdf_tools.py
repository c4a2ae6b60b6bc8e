"""Reading a PDF back in the tests, with pypdfium2 (a dev requirement): pages as PNG, and its links."""

from __future__ import annotations

import ctypes
import struct
import zlib
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw


def page_png(page: pdfium.PdfPage, scale: float = 0.5) -> tuple[bytes, int]:
    """The page drawn as a PNG (no Pillow needed), and how many of its pixels are not near white."""
    bitmap = page.render(scale=scale)
    width, height, stride, channels = bitmap.width, bitmap.height, bitmap.stride, bitmap.n_channels
    data = bytes(bitmap.buffer)
    rows, inked = bytearray(), 0
    for y in range(height):
        row = data[y * stride : y * stride + width * channels]
        rows.append(0)  # no filter
        for x in range(0, len(row), channels):
            blue, green, red = row[x], row[x + 1], row[x + 2]
            rows += bytes((red, green, blue))
            inked += min(red, green, blue) < 160

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    png = (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows))) + chunk(b"IEND", b"")
    )
    return png, inked


def link_targets(path: Path) -> list[str]:
    """Every link the PDF carries: its link annotations' URIs (or their kind), and web addresses in its text."""
    document = pdfium.PdfDocument(path)
    found: list[str] = []
    for index in range(len(document)):
        page = document[index]
        position, link = ctypes.c_int(0), raw.FPDF_LINK()
        while raw.FPDFLink_Enumerate(page, ctypes.byref(position), ctypes.byref(link)):
            action = raw.FPDFLink_GetAction(link)
            if action and raw.FPDFAction_GetType(action) == raw.PDFACTION_URI:
                size = raw.FPDFAction_GetURIPath(document, action, None, 0)
                buffer = ctypes.create_string_buffer(size)
                raw.FPDFAction_GetURIPath(document, action, buffer, size)
                found.append(buffer.value.decode("utf-8", "replace"))
            else:
                found.append("(a link inside the document)")
        text = page.get_textpage()
        links = raw.FPDFLink_LoadWebLinks(text)
        for number in range(raw.FPDFLink_CountWebLinks(links)):
            size = raw.FPDFLink_GetURL(links, number, None, 0)
            chars = (ctypes.c_ushort * size)()
            raw.FPDFLink_GetURL(links, number, chars, size)
            found.append(bytes(chars).decode("utf-16-le").rstrip("\x00"))
        raw.FPDFLink_CloseWebLinks(links)
    return found
