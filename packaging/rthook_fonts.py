"""PyInstaller runtime hook (packaging/herstelplan.spec), run before the program: on a Linux machine
without a font configuration of its own, point fontconfig at the bundle's (packaging/fontconfig/),
which adds the DejaVu fonts the bundle carries. Elsewhere it does nothing."""

import os
import sys

if (sys.platform.startswith("linux") and "FONTCONFIG_FILE" not in os.environ
        and not os.path.exists("/etc/fonts/fonts.conf")):
    os.environ["FONTCONFIG_FILE"] = os.path.join(sys._MEIPASS, "fontconfig", "fonts.conf")  # noqa: SLF001 - PyInstaller's unpack folder
