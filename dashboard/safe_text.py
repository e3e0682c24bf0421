"""Text from outside shown as written: unit, sheet and file names, cell values and the messages that quote them.

Every Streamlit element that shows text (st.markdown, st.write, st.caption, st.info/warning/error/success,
st.subheader, st.expander, st.tabs, st.metric, the labels of widgets and the options of st.radio and st.pills)
reads it as Markdown, with Streamlit's extras: `![a](url)` is an image the browser fetches, `[a](url)` and a bare
`http://…`, `www.…` or `name@host` are links, `<b>` a tag, `$…$` LaTeX, `:red[…]` colour, `:smile:` an emoji,
`:material/…:` an icon. A name in a returned form may hold any of these. `literal` makes such text inert with
CommonMark's backslash escapes, which show nothing, put only where a mark could start something, so that the
message stays readable in the page's source and in tests (`Tệp 'a_b.xlsx': ô D10` is left as it is):

- always: \\ ` * [ ] < > $ ~ | (emphasis, code, links and images, tags and autolinks, quotes, math, strikethrough,
  tables), and `&` before an entity name (`&amp;` would show as `&`);
- `_` unless between two letters or digits (inside a word it cannot start emphasis);
- `:` before a word (emoji, icons and directives open so) and after one that a colon opens (`:smile:`: the
  emoji are found in the text after the escapes are read, so both colons need one), and `/` inside such a word
  (Streamlit finds `:material/` in the Markdown before reading it);
- at the start, what would open a block in a list item or a line: `#`, `-`, `+`, `=`, or `12.` and `12)`;
- GitHub's autolinks are found in the text after the escapes are read, so a word joiner (U+2060, zero width) goes
  after `://`, between `www` and its dot, and after the `@` of an address: on screen the address reads as
  written, but it is not a link;
- line breaks become spaces and the ends are trimmed: a name is one line, and a break or a leading indent could
  end the list item that quotes it, or start a code block.

st.selectbox and st.multiselect options and st.dataframe cells are plain text already: they need nothing (a
backslash would show there).
"""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"
AUTOLINKS = re.compile(r"(?<=:)(?=//)|(?<=\bwww)(?=\.)|(?<=[\w.+-]@)(?=\w)", re.IGNORECASE)
ALWAYS = r"\\`*\[\]<>$~|"
MARKS = re.compile(rf"[{ALWAYS}]|&(?=#?\w+;)|[_:/]")
IN_WORD = re.compile(r":[^\s:]+\Z")  # what a colon opened runs up to here: `:smile`, `:material`
LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")
BLOCK_START = re.compile(r"[#+=-]|\d{1,9}(?=[.)])")


def literal(text: object) -> str:
    """Markdown that Streamlit shows exactly as `text` reads (line breaks as spaces, ends trimmed)."""
    line = AUTOLINKS.sub(WORD_JOINER, LINE_BREAKS.sub(" ", str(text)).strip())
    escaped = MARKS.sub(lambda mark: _escape(line, mark), line)
    start = BLOCK_START.match(escaped)
    if start is None:
        return escaped
    cut = start.end() if start.group().isdigit() else 0  # "12." escapes its dot, "# x" its hash
    return escaped[:cut] + "\\" + escaped[cut:]


def _escape(line: str, mark: re.Match) -> str:
    """The mark with its backslash; alone for an underscore inside a word, a colon that neither opens nor closes a
    `:word:`, and a slash outside one."""
    before, after = line[mark.start() - 1:mark.start()], line[mark.end():mark.end() + 1]
    if mark.group() == "_" and before.isalnum() and after.isalnum():
        return "_"
    in_word = IN_WORD.search(line, 0, mark.start())
    if (mark.group() == ":" and not after.strip() or mark.group() == "/") and not in_word:
        return mark.group()
    return "\\" + mark.group()
