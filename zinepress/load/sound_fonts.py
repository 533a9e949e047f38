"""The bundled fonts, known sound by their SHA-256: a build need not take them apart again.

Every font file is checked before it is used (render/fonts.py, font_damage: every table inside
the file, every checksum right, the tables text needs readable), which takes fontTools about
0.2 s for the bundled fonts: most of a build that has nothing to build (issue 16). A file whose
digest is listed here is, byte for byte, a bundled font that passes that check; the test suite
checks each one (tests/test_startup.py) and fails when a bundled font is missing from the list.
Any other file, a project's own font or a damaged copy of a bundled one, is checked in full.
"""
from __future__ import annotations

import hashlib

SOUND = frozenset({
    "89c3c497f618fdaa0b2d1e98fef93582f28c71debd2c4a8cdf41f190ced2909d",   # NotoSans-Regular.ttf
    "5d7618dda819443fd07301c84adcee9fe8960c873ea5e5e1f0f59db384b78082",   # NotoSans-Italic.ttf
    "e83493c945848ecd4a9ad0f6d19164541a0d3e23a9c952304a00a46e00272ac5",   # NotoSans-Bold.ttf
    "4315b26e5afb62f70f5ffe0edaa3363e57765ff2af2beda12b6fef197e3e5f5a",   # NotoSans-BoldItalic.ttf
    "0af0ff2be8f84910fb21ec5fe1b6b7395e3073250502a334baf6ca2f860c88fe",   # NotoSerif-Bold.ttf
    "78a6d685e5690b7dcda0f336b689193afc03b6bab5cf18fc1a9ecc3aa0600059",   # NotoSerif-BoldItalic.ttf
    "8c67eaa2f0086872628fc3f7f760386f83c8be5c5e9a1ba3a38891237b2ac7cb",   # NotoNaskhArabic-Regular.ttf
    "b5cbcb561b4b540ff11d7b6934577dbbbbb9e1d152d47f6f31f19176d58ff39c",   # NotoNaskhArabic-Bold.ttf
    "7e5b03a4a5c8f2996ef38720817f65ce8193c7a2ecc20fa6ed1dd9da05229ad7",   # LeagueSpartan-Bold.otf
    "18acee0e6bf8ace874b6c0900b51585f1586db9aca85a77a7ca60b29c8c6bb15",   # LeagueSpartan-Black.otf
    "26bb2ce38aa96cdc76077fbd64017beb3adc8177f84ec1e6015831d038bc0585",   # CourierPrime-Regular.otf
    "ed03bb16a1088b85d61b3b4588c868c3236aa8494ea4f3c707a16b5a1c7164a4",   # CourierPrime-Italic.otf
    "a414b06c018ed4b65c407da05ac54f93cdaf375570480b7e466220db6edc5ce0",   # CourierPrime-Bold.otf
    "ad4522a3819977e3cab756fa8ab900e777df2dca0c7731d6bc300aeb661fcc3d",   # CabinSketch-Bold.ttf
})


def known_sound(data: bytes) -> bool:
    """Tell whether these bytes are exactly a bundled font that passes the font check."""
    return hashlib.sha256(data).hexdigest() in SOUND
