"""Chinese policy figures: numerals, quantities (近400万辆, 超1000亿元) read and written back, and comparing them.

numerals.py reads numerals; quantity.py reads a figure as value, unit and qualifier; writing.py writes one
back in Chinese and English; qualifiers.py holds the qualifier keys; compare.py filters, sorts and sums
figures (what adds up). May import only the shared modules (errors): the brief format builds on it.
"""
