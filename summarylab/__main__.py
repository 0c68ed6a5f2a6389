"""python -m summarylab"""

from .cli import main

main()
