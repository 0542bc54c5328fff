"""How a stated value relates to the truth: the qualifier keys of the format and their labels."""

# 近 nearly, 约 approx, 超 over, 以上 at_least, 不足 under, 以内 at_most; exact when the figure says none.
QUALIFIERS = ("exact", "approx", "nearly", "over", "at_least", "under", "at_most")

# Labels shown to readers (Chinese, English); the YAML and JSON always use the keys.
QUALIFIER_LABELS = {
    "exact": ("确数", "exact"), "approx": ("约", "approx."), "nearly": ("近", "nearly"), "over": ("超", "over"),
    "at_least": ("以上", "at least"), "under": ("不足", "under"), "at_most": ("以内", "at most"),
}
