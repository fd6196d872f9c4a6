"""All figure illustrations: importing the per-kind modules fills ILLUSTRATIONS.

How to add or fix a picture: see pose_base.py (format) and figlib.py (angles).
"""

import poses_balance  # noqa: F401
import poses_breathing  # noqa: F401
import poses_daily  # noqa: F401
import poses_mobility  # noqa: F401
import poses_strength  # noqa: F401
from pose_base import ILLUSTRATIONS  # noqa: F401
