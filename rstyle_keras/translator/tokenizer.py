"""R's tokens, with their positions (1-based line and column, as R reports them).

Newlines are tokens where R gives them meaning: inside `(` and `[` they only continue the
expression and are dropped here; at top level and inside `{` they end a statement and
come out as NEWLINE (the parser drops the ones that follow a binary operator, `else`,
`function(...)` and the like). Comments are kept apart, with their positions.

    >>> [(t.kind, t.value) for t in tokenize('x <- c(1L, 0x10) # a comment')[0]]
    [('NAME', 'x'), ('OP', '<-'), ('NAME', 'c'), ('OP', '('), ('NUM', '1'), ('OP', ','), \
('NUM', '16'), ('OP', ')'), ('NEWLINE', '\\n'), ('EOF', '')]
    >>> tokenize('r"(C:\\\\path)"')[0][0].value
    'C:\\\\path'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import TranslationError


@dataclass
class Token:
    kind: str  # NAME, NUM, STR, OP, NEWLINE, EOF
    value: str  # NAME: the name; NUM: Python's spelling; STR: the decoded text
    line: int
    col: int
    end_line: int = 0
    end_col: int = 0
    backticked: bool = False
    number: str = ""  # NUM: "integer" (R's 1L), "int" (a whole double: 2, 0x10), "double"

    def __repr__(self) -> str:
        return f"Token({self.kind}, {self.value!r}, {self.line}:{self.col})"


@dataclass
class Comment:
    text: str  # with its leading '#'
    line: int
    col: int
    alone: bool  # nothing but blanks before it on its line


# R's operators, longest first (the lexer is greedy, as R's: `x<-1` assigns).
OPERATORS = sorted([
    "<<-", "->>", ":::", "|>", "<-", "->", "<=", ">=", "==", "!=", "&&", "||", "::", "**",
    ":=", "+", "-", "*", "/", "^", "<", ">", "!", "&", "|", "~", "?", ":", "=", "$", "@",
    "(", ")", "{", "}", "[", "]", ",", ";", "\\",
], key=len, reverse=True)

NUMBER = re.compile(
    r"0[xX][0-9a-fA-F]+(?:[Ll]|i)?"
    r"|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?(?:[Ll]|i)?"
)
NAME_START = re.compile(r"[^\W\d_]|\.(?!\d)", re.UNICODE)
NAME = re.compile(r"(?:[^\W\d_]|\.(?!\d))[\w.]*", re.UNICODE)
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "a": "\a", "b": "\b", "f": "\f",
           "v": "\v", "\\": "\\", '"': '"', "'": "'", "`": "`", " ": " ", "\n": "\n"}
RAW_START = re.compile(r"[rR](['\"])(-*)([(\[{])")
CLOSERS = {"(": ")", "[": "]", "{": "}"}


class Lexer:
    def __init__(self, source: str, filename: str | None = None):
        self.src = source.replace("\r\n", "\n").replace("\r", "\n")
        self.filename = filename
        self.pos = 0
        self.line = 1
        self.col = 1
        self.tokens: list[Token] = []
        self.comments: list[Comment] = []
        self.stack: list[str] = []  # open brackets: "(", "[", "[[", "{"

    def error(self, message, line=None, col=None):
        raise TranslationError(message, self.filename, line or self.line, col or self.col)

    def advance(self, text: str) -> None:
        newlines = text.count("\n")
        if newlines:
            self.line += newlines
            self.col = len(text) - text.rfind("\n")
        else:
            self.col += len(text)
        self.pos += len(text)

    def emit(self, kind, value, text, **extra) -> Token:
        token = Token(kind, value, self.line, self.col, **extra)
        self.advance(text)
        token.end_line, token.end_col = self.line, self.col
        self.tokens.append(token)
        return token

    def run(self) -> tuple[list[Token], list[Comment]]:
        src = self.src
        while self.pos < len(src):
            ch = src[self.pos]
            if ch in " \t\f\v\u00a0":
                self.advance(ch)
            elif ch == "\n":
                if not self.stack or self.stack[-1] == "{":
                    self.emit("NEWLINE", "\n", ch)
                else:
                    self.advance(ch)
            elif ch == "#":
                end = src.find("\n", self.pos)
                end = len(src) if end < 0 else end
                text = src[self.pos:end]
                alone = src[src.rfind("\n", 0, self.pos) + 1:self.pos].strip() == ""
                self.comments.append(Comment(text, self.line, self.col, alone))
                self.advance(text)
            elif RAW_START.match(src, self.pos):
                self.raw_string()
            elif ch in "\"'":
                self.string(ch)
            elif ch == "`":
                self.backticked()
            elif ch.isdigit() or (ch == "." and src[self.pos + 1:self.pos + 2].isdigit()):
                self.number()
            elif ch == "_" and not src[self.pos + 1:self.pos + 2].replace(".", "a").isalnum():
                self.emit("NAME", "_", ch)  # the native pipe's placeholder
            elif NAME_START.match(src, self.pos):
                text = NAME.match(src, self.pos).group()
                self.emit("NAME", text, text)
            else:
                self.operator()
        if self.stack:
            self.error(f"unexpected end of input: `{self.stack[-1]}` is not closed")
        self.emit("NEWLINE", "\n", "")
        self.emit("EOF", "", "")
        return self.tokens, self.comments

    def operator(self) -> None:
        src = self.src
        if src.startswith("%", self.pos):
            end = src.find("%", self.pos + 1)
            if end < 0 or "\n" in src[self.pos:end]:
                self.error("unexpected input: `%` without its closing `%`")
            text = src[self.pos:end + 1]
            self.emit("OP", text, text)
            return
        if src.startswith("[[", self.pos):
            self.stack.append("[[")
            self.emit("OP", "[[", "[[")
            return
        if src.startswith("]", self.pos) and self.stack and self.stack[-1] == "[[":
            if not src.startswith("]]", self.pos):
                self.error("unexpected `]`: `[[` is closed by `]]`")
            self.stack.pop()
            self.emit("OP", "]]", "]]")
            return
        for op in OPERATORS:
            if src.startswith(op, self.pos):
                break
        else:
            self.error(f"unexpected input: {src[self.pos]!r}")
        if op in "([{":
            self.stack.append(op)
        elif op in ")]}":
            opener = {")": "(", "]": "[", "}": "{"}[op]
            if not self.stack or self.stack[-1] != opener:
                self.error(f"unexpected `{op}`")
            self.stack.pop()
        self.emit("OP", op, op)

    def number(self) -> None:
        m = NUMBER.match(self.src, self.pos)
        text = m.group()
        if text.endswith("i"):  # R's imaginary literal: Python's `3j`
            body = text[:-1]
            if body[:2].lower() == "0x" or text[-2:-1] in "Ll":
                self.error(f"{text}: a complex literal must be a decimal number")
            self.emit("NUM", body + "j", text, number="double")
            return
        integer = text[-1] in "Ll"
        body = text[:-1] if integer else text
        if body[:2].lower() == "0x":
            value = str(int(body, 16))
            integer = True
        elif integer:
            number = float(body)
            if number != int(number):
                self.error(f"{text} is not an integer")
            value = str(int(number)) if ("e" in body.lower() or "." in body) else body
            value = str(int(value))
        else:
            integer = re.fullmatch(r"\d+", body) is not None
            value = str(int(body)) if integer else body  # Python refuses 007
        # "integer": R's integer literal (`1L`, `0x10L`); "int": a whole double written
        # as Python's int (`2`, `0x10`); "double": the rest
        kind = "integer" if text[-1] in "Ll" else "int" if integer else "double"
        self.emit("NUM", value, text, number=kind)

    def string(self, quote: str) -> None:
        src, i, out = self.src, self.pos + 1, []
        while True:
            if i >= len(src):
                self.error("unexpected end of input: a string is not closed")
            ch = src[i]
            if ch == quote:
                break
            if ch == "\\":
                i, text = self.escape(i)
                out.append(text)
                continue
            out.append(ch)
            i += 1
        self.emit("STR", "".join(out), src[self.pos:i + 1])

    def escape(self, i: int) -> tuple[int, str]:
        """The escape at src[i] == '\\': (the index after it, its text)."""
        src = self.src
        nxt = src[i + 1:i + 2]
        if nxt in ESCAPES:
            return i + 2, ESCAPES[nxt]
        if nxt == "x":
            m = re.compile(r"[0-9a-fA-F]{1,2}").match(src, i + 2)
            if m:
                return m.end(), chr(int(m.group(), 16))
        if nxt in "uU":
            width = 4 if nxt == "u" else 8
            m = (re.compile(rf"\{{([0-9a-fA-F]{{1,{width}}})\}}").match(src, i + 2)
                 or re.compile(rf"([0-9a-fA-F]{{1,{width}}})").match(src, i + 2))
            if m:
                return m.end(), chr(int(m.group(1), 16))
        if nxt and nxt in "01234567":
            m = re.compile(r"[0-7]{1,3}").match(src, i + 1)
            return m.end(), chr(int(m.group(), 8))
        line = self.line + src.count("\n", self.pos, i)
        col = i - src.rfind("\n", 0, i)
        self.error(f"'\\{nxt}' is an unrecognized escape in a character string", line, col)

    def raw_string(self) -> None:
        src = self.src
        m = RAW_START.match(src, self.pos)
        quote, dashes, opener = m.groups()
        closing = CLOSERS[opener] + dashes + quote
        end = src.find(closing, m.end())
        if end < 0:
            self.error("unexpected end of input: a raw string is not closed")
        self.emit("STR", src[m.end():end], src[self.pos:end + len(closing)])

    def backticked(self) -> None:
        src, i, out = self.src, self.pos + 1, []
        while True:
            if i >= len(src) or src[i] == "\n":
                self.error("a backticked name is not closed")
            if src[i] == "`":
                break
            if src[i] == "\\":
                i, text = self.escape(i)
                out.append(text)
                continue
            out.append(src[i])
            i += 1
        if not out:
            self.error("an empty backticked name is not a name")
        self.emit("NAME", "".join(out), src[self.pos:i + 1], backticked=True)


def tokenize(source: str, filename: str | None = None) -> tuple[list[Token], list[Comment]]:
    """R source -> (tokens, comments). Raises TranslationError at the first bad token."""
    return Lexer(source, filename).run()
