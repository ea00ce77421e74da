"""placeholder"""

def add_parser(subs) -> None:
    pass
