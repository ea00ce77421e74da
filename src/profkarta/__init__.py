"""profkarta: career maps of «Профессионалитет» — validation, site and print."""

__version__ = "0.1.0"
