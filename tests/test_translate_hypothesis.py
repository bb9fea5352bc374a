"""Random R expressions (a small grammar): the translator gives Python that compiles, or a
TranslationError, never another exception; and the Python keeps the R line count."""

from __future__ import annotations

import string
import warnings

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rstyle_keras.translator import TranslationError, translate
from rstyle_keras.translator.tokenizer import tokenize

NAMES = st.sampled_from(["x", "y", "model", "my.var", "layer_dense", "fit", "op_add", "f",
                         "in", "lambda", ".hidden", "T", "NULL", "NA", "Inf", "TRUE",
                         "`a b`", "`ok`", "self", "super", "."])
NUMBERS = st.one_of(
    st.integers(0, 10 ** 6).map(str),
    st.integers(0, 99).map(lambda i: f"{i}L"),
    st.floats(0, 1e6, allow_nan=False).map(repr),
    st.sampled_from(["1e-3", "0x10", ".5", "1.", "2i", "007", "1e3L"]),
)
STRINGS = st.one_of(
    st.text(alphabet=string.ascii_letters + " \"'\\n\t", max_size=6).map(
        lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'),
    st.sampled_from(['r"(raw)"', "R'[-x-]'", 'r"-{a}-"', "'\\u00e9'", '"\\x41"', '"\\q"']),
)
BINARY = st.sampled_from(["+", "-", "*", "/", "^", "%%", "%/%", "%*%", "%in%", "==", "!=",
                          "<", ">=", "&", "&&", "|", "||", ":", "|>", "%>%", "<-", "=", "->",
                          "~", "%o%", "$", "<<-"])
SPACE = st.sampled_from([" ", "", "\n", " \n  "])


def expressions():
    atoms = st.one_of(NAMES, NUMBERS, STRINGS)

    def extend(inner):
        args = st.lists(st.one_of(inner, st.tuples(NAMES, inner).map(
            lambda t: f"{t[0].strip('`')} = {t[1]}")), max_size=3)
        return st.one_of(
            st.tuples(inner, BINARY, inner, SPACE).map(
                lambda t: f"({t[0]} {t[1]}{t[3]}{t[2]})"),
            st.tuples(st.sampled_from(["-", "!", "+"]), inner).map(lambda t: f"{t[0]}{t[1]}"),
            st.tuples(NAMES, args, SPACE).map(
                lambda t: f"{t[0]}({(',' + t[2]).join(t[1])})"),
            st.tuples(inner, inner, st.booleans()).map(
                lambda t: f"{t[0]}[[{t[1]}]]" if t[2] else f"{t[0]}[{t[1]}, ]"),
            st.tuples(inner, NAMES, args).map(lambda t: f"{t[0]} |> {t[1]}({', '.join(t[2])})"),
            st.tuples(st.lists(NAMES, max_size=2), inner, st.booleans()).map(
                lambda t: (f"\\({', '.join(t[0])}) {t[1]}" if t[2]
                           else f"function({', '.join(t[0])}) {{\n  y <- {t[1]}\n  y\n}}")),
            st.tuples(inner, inner, inner, SPACE).map(
                lambda t: f"if ({t[0]}) {{{t[3]}{t[1]}{t[3]}}} else {t[2]}"),
            st.tuples(NAMES, inner).map(lambda t: f"for ({t[0]} in {t[1]}) {{\n  {t[1]}\n}}"),
            st.tuples(inner, inner).map(lambda t: f"c({t[0]}, {t[1]}) %<-% {t[1]}"),
            inner.map(lambda e: f"list(a = {e}, {e})"),
            st.tuples(st.sampled_from(["x[[{}]]", "x[{}, ]", "names(x)[{}]", "x$a[[{}]]",
                                       "x@r[{}]", "f(x, {})", "x[{}]$b"]), inner, inner).map(
                lambda t: f"{t[0].format(t[1])} <- {t[2]}"),
            st.tuples(inner, inner).map(lambda t: f"x@r[{t[0]}:{t[1]}, ]"),
            st.tuples(inner, inner).map(lambda t: f"{t[0]} %||% {t[1]}"),
            inner.map(lambda e: f"{{\n  {e}\n  {e}\n}}"),
        )

    return st.recursive(atoms, extend, max_leaves=12)


PROGRAMS = st.lists(st.tuples(expressions(), st.sampled_from(["\n", "; ", "\n\n", "  # c\n"])),
                    min_size=1, max_size=4).map(lambda parts: "".join(e + s for e, s in parts))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PROGRAMS)
def test_random_r_translates_or_raises_translation_error(source):
    try:
        tokenize(source, "random.R")
        python = translate(source, "random.R")
    except TranslationError as error:
        assert str(error).startswith("random.R:")
        return
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # Python's SyntaxWarnings: code that cannot run
        compile(python, "random.R", "exec")
    # the Python has at least the R lines (more only where Python needs an extra line)
    assert len(python.splitlines()) >= len(source.rstrip("\n").splitlines())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=string.printable, max_size=40))
def test_any_text_translates_or_raises_translation_error(source):
    try:
        python = translate(source, "junk.R")
    except TranslationError:
        return
    compile(python, "junk.R", "exec")
