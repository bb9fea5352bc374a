"""R's grammar for the code tutorials use: an AST with positions, R's precedence.

Operators, loosest first (R's `?Syntax`): `?`; `=` (right); `<-` `<<-` (right); `->`
`->>`; `~`; `||` `|`; `&&` `&`; `!`; comparisons (not associative); `+` `-`; `*` `/`;
`%any%` `|>`; `:`; unary `+` `-`; `^` (right); `$` `@`; `::`; calls and indexing.

    >>> parse("y <- -2^2 + 1:3 |> f()").body[0]
    Assign(op='<-', target=Name(name='y'), value=Binary(op='+', left=Unary(op='-', \
operand=Binary(op='^', left=Num(text='2'), right=Num(text='2'))), right=Binary(op='|>', \
left=Binary(op=':', left=Num(text='1'), right=Num(text='3')), right=Call(func=Name(name='f'), \
args=[]))))
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import TranslationError
from .tokenizer import Comment, Token, tokenize


# -- the AST -----------------------------------------------------------------------------
@dataclass
class Node:
    line: int = field(default=0, repr=False, compare=False, kw_only=True)
    col: int = field(default=0, repr=False, compare=False, kw_only=True)
    end_line: int = field(default=0, repr=False, compare=False, kw_only=True)


@dataclass
class Num(Node):
    text: str  # Python's spelling
    integer: bool = field(default=False, repr=False)
    r_integer: bool = field(default=False, repr=False)  # R's `1L` (else R's double)


@dataclass
class Str(Node):
    value: str


@dataclass
class Name(Node):
    name: str
    backticked: bool = field(default=False, repr=False)


@dataclass
class Const(Node):
    name: str  # TRUE FALSE NULL NA Inf NaN NA_integer_ NA_real_ NA_character_


@dataclass
class Arg(Node):
    name: str | None
    value: Node | None  # None: an empty argument, as in x[, 1]


@dataclass
class Call(Node):
    func: Node
    args: list[Arg]


@dataclass
class Index(Node):
    obj: Node
    args: list[Arg]
    double: bool  # [[ ]]


@dataclass
class Dollar(Node):
    obj: Node
    name: str
    op: str = "$"  # or "@"


@dataclass
class Namespace(Node):
    package: str
    name: str
    op: str = "::"


@dataclass
class Binary(Node):
    op: str
    left: Node
    right: Node
    op_line: int = field(default=0, repr=False, compare=False, kw_only=True)
    op_col: int = field(default=0, repr=False, compare=False, kw_only=True)


@dataclass
class Unary(Node):
    op: str
    operand: Node


@dataclass
class Formula(Node):
    lhs: Node | None
    rhs: Node
    op_line: int = field(default=0, repr=False, compare=False, kw_only=True)
    op_col: int = field(default=0, repr=False, compare=False, kw_only=True)


@dataclass
class Assign(Node):
    op: str  # "<-", "<<-", "=" (rightward ones are turned around: "->" is "<-")
    target: Node
    value: Node


@dataclass
class Param(Node):
    name: str
    default: Node | None


@dataclass
class Function(Node):
    params: list[Param]
    body: Node
    backslash: bool = field(default=False, repr=False)


@dataclass
class Block(Node):
    body: list[Node]


@dataclass
class Paren(Node):
    expr: Node


@dataclass
class If(Node):
    cond: Node
    then: Node
    orelse: Node | None
    else_line: int = field(default=0, repr=False, compare=False)


@dataclass
class For(Node):
    var: str
    iterable: Node
    body: Node


@dataclass
class While(Node):
    cond: Node
    body: Node


@dataclass
class Repeat(Node):
    body: Node


@dataclass
class Break(Node):
    pass


@dataclass
class Next(Node):
    pass


@dataclass
class Help(Node):
    topic: Node


@dataclass
class Program(Node):
    body: list[Node]
    comments: list[Comment] = field(default_factory=list, repr=False)
    lines: list[str] = field(default_factory=list, repr=False)


# -- precedence ----------------------------------------------------------------------------
# binary operator -> (left binding power, right binding power); right-associative ones bind
# their right side at the same level.
P_HELP, P_EQ, P_LEFT, P_RIGHT, P_TILDE, P_OR, P_AND, P_NOT, P_CMP = 1, 2, 3, 4, 5, 6, 7, 8, 9
P_ADD, P_MUL, P_SPECIAL, P_COLON, P_UNARY, P_POW, P_DOLLAR = 10, 11, 12, 13, 14, 15, 16
BINARY = {
    "?": (P_HELP, P_HELP + 1),
    "=": (P_EQ, P_EQ), "<-": (P_LEFT, P_LEFT), "<<-": (P_LEFT, P_LEFT), ":=": (P_LEFT, P_LEFT),
    "->": (P_RIGHT, P_RIGHT + 1), "->>": (P_RIGHT, P_RIGHT + 1),
    "~": (P_TILDE, P_TILDE + 1),
    "||": (P_OR, P_OR + 1), "|": (P_OR, P_OR + 1),
    "&&": (P_AND, P_AND + 1), "&": (P_AND, P_AND + 1),
    "==": (P_CMP, P_CMP + 1), "!=": (P_CMP, P_CMP + 1), "<": (P_CMP, P_CMP + 1),
    ">": (P_CMP, P_CMP + 1), "<=": (P_CMP, P_CMP + 1), ">=": (P_CMP, P_CMP + 1),
    "+": (P_ADD, P_ADD + 1), "-": (P_ADD, P_ADD + 1),
    "*": (P_MUL, P_MUL + 1), "/": (P_MUL, P_MUL + 1),
    "|>": (P_SPECIAL, P_SPECIAL + 1),
    ":": (P_COLON, P_COLON + 1),
    "^": (P_POW, P_POW), "**": (P_POW, P_POW),
}
CONSTANTS = {"TRUE", "FALSE", "NULL", "NA", "Inf", "NaN", "NA_integer_", "NA_real_",
             "NA_character_", "T", "F"}
COMPARISONS = {"==", "!=", "<", ">", "<=", ">="}
KEYWORDS = {"if", "else", "for", "while", "repeat", "function", "break", "next", "in"}


class Parser:
    def __init__(self, source: str, filename: str | None = None):
        self.filename = filename
        self.tokens, self.comments = tokenize(source, filename)
        self.i = 0
        self.braces = 0  # depth of `{`: there, `else` may follow a newline

    # -- tokens ---------------------------------------------------------------------------
    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def peek(self, k: int = 1) -> Token:
        return self.tokens[min(self.i + k, len(self.tokens) - 1)]

    def next(self) -> Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def is_op(self, *values) -> bool:
        return self.tok.kind == "OP" and self.tok.value in values

    def is_kw(self, value) -> bool:
        return self.tok.kind == "NAME" and not self.tok.backticked and self.tok.value == value

    def error(self, message, token: Token | None = None):
        token = token or self.tok
        raise TranslationError(message, self.filename, token.line, token.col)

    def unexpected(self, token: Token | None = None):
        token = token or self.tok
        what = {"NEWLINE": "end of line", "EOF": "end of input"}.get(token.kind)
        what = what or f"`{token.value}`" if token.kind != "STR" else "string constant"
        self.error(f"unexpected {what}", token)

    def expect(self, value: str) -> Token:
        if not self.is_op(value):
            if self.tok.kind in ("NEWLINE", "EOF"):
                where = "end of input" if self.tok.kind == "EOF" else "end of line"
                self.error(f"unexpected {where}: `{value}` expected")
            self.error(f"unexpected `{self.tok.value}`: `{value}` expected")
        return self.next()

    def skip_newlines(self) -> None:
        while self.tok.kind == "NEWLINE":
            self.i += 1

    def finish(self, node: Node, start: Token) -> Node:
        node.line, node.col = start.line, start.col
        node.end_line = self.tokens[self.i - 1].end_line if self.i else start.line
        return node

    # -- statements -----------------------------------------------------------------------
    def program(self) -> Program:
        body = self.statements(end="EOF")
        return Program(body, comments=self.comments, line=1, col=1)

    def statements(self, end: str) -> list[Node]:
        body = []
        while True:
            while self.tok.kind == "NEWLINE" or self.is_op(";"):
                self.next()
            if (end == "EOF" and self.tok.kind == "EOF") or (end == "}" and self.is_op("}")):
                return body
            if self.is_kw("else"):
                self.error("unexpected `else`: at top level, `else` must be on the line of "
                           "the closing brace of its `if`")
            body.append(self.expr(0))
            if not (self.tok.kind in ("NEWLINE", "EOF") or self.is_op(";", "}")):
                self.unexpected()

    # -- expressions ----------------------------------------------------------------------
    def expr(self, min_bp: int) -> Node:
        """Pratt's loop: binary operators binding at least `min_bp`, and postfixes."""
        start = self.tok
        left = self.prefix()
        while self.tok.kind == "OP":
            token = self.tok
            op = token.value
            if op in ("(", "[", "[[", "$", "@", "::", ":::"):
                left = self.postfix(left, start)
                continue
            if op.startswith("%") and len(op) > 1:
                lbp, rbp = P_SPECIAL, P_SPECIAL + 1
            elif op in BINARY:
                lbp, rbp = BINARY[op]
            else:
                break
            if lbp < min_bp:
                break
            if op in COMPARISONS and isinstance(left, Binary) and left.op in COMPARISONS:
                self.error(f"unexpected `{op}`: R's comparisons do not chain", token)
            self.next()
            self.skip_newlines()
            right = self.expr(rbp)
            left = self.binary(op, left, right, start, token)
        return left

    def binary(self, op, left, right, start, token) -> Node:
        if op in ("<-", "<<-", "=", ":="):
            if op == ":=":
                self.error("`:=` (rlang's assignment) is not supported", token)
            node = Assign(op, left, right)
        elif op in ("->", "->>"):
            node = Assign("<-" if op == "->" else "<<-", right, left)
        elif op == "~":
            node = Formula(left, right)
        elif op == "?":
            node = Help(right)
        elif op == "**":
            node = Binary("^", left, right)
        else:
            node = Binary(op, left, right)
        if isinstance(node, (Binary, Formula)):
            node.op_line, node.op_col = token.line, token.col
        return self.finish(node, start)

    def prefix(self) -> Node:
        token = self.tok
        kind, value = token.kind, token.value
        if kind == "NUM":
            self.next()
            return self.finish(Num(value, token.number in ("int", "integer"),
                                   token.number == "integer"), token)
        if kind == "STR":
            self.next()
            return self.finish(Str(value), token)
        if kind == "NAME" and not token.backticked:
            if value in CONSTANTS:
                self.next()
                return self.finish(Const({"T": "TRUE", "F": "FALSE"}.get(value, value)), token)
            if value == "function":
                return self.function(token)
            if value == "if":
                return self.if_(token)
            if value == "for":
                return self.for_(token)
            if value == "while":
                self.next()
                self.expect("(")
                cond = self.expr(0)
                self.expect(")")
                return self.finish(While(cond, self.body()), token)
            if value == "repeat":
                self.next()
                return self.finish(Repeat(self.body()), token)
            if value in ("break", "next"):
                self.next()
                return self.finish(Break() if value == "break" else Next(), token)
            if value in ("else", "in"):
                self.unexpected()
        if kind == "NAME":
            self.next()
            return self.finish(Name(value, token.backticked), token)
        if kind == "OP":
            if value == "(":
                self.next()
                inner = self.expr(0)
                self.expect(")")
                return self.finish(Paren(inner), token)
            if value == "{":
                self.next()
                self.braces += 1
                body = self.statements(end="}")
                self.braces -= 1
                self.expect("}")
                return self.finish(Block(body), token)
            if value in ("-", "+"):
                self.next()
                self.skip_newlines()
                return self.finish(Unary(value, self.expr(P_UNARY)), token)
            if value == "!":
                self.next()
                self.skip_newlines()
                return self.finish(Unary("!", self.expr(P_NOT)), token)
            if value == "~":
                self.next()
                self.skip_newlines()
                node = Formula(None, self.expr(P_TILDE + 1), op_line=token.line,
                               op_col=token.col)
                return self.finish(node, token)
            if value == "?":
                self.next()
                return self.finish(Help(self.expr(P_HELP)), token)
            if value == "\\":
                return self.function(token)
        self.unexpected()

    def postfix(self, left: Node, start: Token) -> Node:
        token = self.next()
        op = token.value
        if op == "(":
            args = self.arguments(")")
            return self.finish(Call(left, args), start)
        if op in ("[", "[["):
            args = self.arguments("]" if op == "[" else "]]")
            return self.finish(Index(left, args, op == "[["), start)
        name = self.tok
        if name.kind == "STR" or name.kind == "NAME":
            self.next()
        else:
            self.error(f"unexpected {name.value!r} after `{op}`", name)
        if op in ("::", ":::"):
            if not isinstance(left, Name):
                self.error(f"`{op}` needs a package name on its left", token)
            return self.finish(Namespace(left.name, name.value, op), start)
        return self.finish(Dollar(left, name.value, op), start)

    def arguments(self, closer: str) -> list[Arg]:
        """Comma-separated slots, each `value`, `name = value`, `name =` or empty."""
        args: list[Arg] = []
        while True:
            token = self.tok
            if self.is_op(",", closer):
                args.append(self.finish(Arg(None, None), token))
            else:
                name = None
                after = self.peek()
                if token.kind in ("NAME", "STR") and after.kind == "OP" and after.value == "=":
                    if token.kind == "NAME" and not token.backticked and (
                            token.value in KEYWORDS or token.value in CONSTANTS):
                        self.error(f"`{token.value}` cannot be an argument's name", token)
                    name = token.value
                    self.next()
                    self.next()
                    value = None if self.is_op(",", closer) else self.expr(P_EQ + 1)
                else:
                    value = self.expr(P_EQ + 1)
                args.append(self.finish(Arg(name, value), token))
            if self.is_op(closer):
                self.next()
                if len(args) == 1 and args[0].name is None and args[0].value is None:
                    return []
                return args
            if not self.is_op(","):
                self.unexpected()
            self.next()

    def body(self) -> Node:
        self.skip_newlines()
        return self.expr(P_EQ - 1)

    def function(self, token: Token) -> Node:
        self.next()
        self.expect("(")
        params: list[Param] = []
        while not self.is_op(")"):
            name = self.tok
            if name.kind != "NAME":
                self.unexpected()
            self.next()
            default = None
            if self.is_op("="):
                self.next()
                default = self.expr(P_EQ + 1)
            params.append(self.finish(Param(name.value, default), name))
            if self.is_op(","):
                self.next()
            elif not self.is_op(")"):
                self.unexpected()
        self.expect(")")
        return self.finish(Function(params, self.body(), token.value == "\\"), token)

    def if_(self, token: Token) -> Node:
        self.next()
        self.expect("(")
        cond = self.expr(0)
        self.expect(")")
        then = self.body()
        orelse, else_line = None, 0
        save = self.i
        if self.braces:
            self.skip_newlines()
        if self.is_kw("else"):
            else_line = self.next().line
            orelse = self.body()
        else:
            self.i = save
        return self.finish(If(cond, then, orelse, else_line), token)

    def for_(self, token: Token) -> Node:
        self.next()
        self.expect("(")
        var = self.tok
        if var.kind != "NAME":
            self.unexpected()
        self.next()
        if not self.is_kw("in"):
            self.error("`in` expected in `for (`", self.tok)
        self.next()
        iterable = self.expr(0)
        self.expect(")")
        return self.finish(For(var.value, iterable, self.body()), token)


def parse(source: str, filename: str | None = None) -> Program:
    """R source -> Program (its statements, with the comments and source lines)."""
    program = Parser(source, filename).program()
    program.lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return program
