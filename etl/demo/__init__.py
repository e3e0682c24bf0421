"""Demo and benchmark data: Lifelong Learning Week result reports as Vietnamese offices really file them.

`generate_demo` writes a small set that exercises every layout, format and habit the ETL must
handle; `generate_national` writes every province and commune for benchmarks and the dashboard.
Both write `manifest.json`, the ground truth the ETL's tests compare against.
"""

from .build import generate_demo, generate_national

__all__ = ["generate_demo", "generate_national"]
