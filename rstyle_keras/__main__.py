"""`python -m rstyle_keras`: the spec page's examples; `translate` and `run` R scripts.

    python -m rstyle_keras                       # layer_average_pooling_2d's spec examples
    python -m rstyle_keras translate FILE [-o OUT.py]
    python -m rstyle_keras run FILE [--engine keras|numpy]

FILE is an R script (.R) or an R Markdown / Quarto document (.Rmd, .qmd: its R chunks).
`translate` writes the Python to OUT.py (or prints it). `run` translates and runs it under
the keras engine (`--engine numpy`: the NumPy core), in the current directory as
`Rscript FILE` would, printing top-level values as R's console does; a traceback names
the R file and its line; the plots it draws are saved, one page each, in Rplots.pdf (as
Rscript's). Untranslatable R is an error `FILE:LINE:COLUMN: ...` (exit 1).
"""

import sys


def cli(argv: list[str]) -> int:
    import argparse

    from .translator import TranslationError, translate
    from .translator.running import headless_plots, run_source, save_plots

    parser = argparse.ArgumentParser(prog="python -m rstyle_keras",
                                     description="Translate or run R keras3 scripts.")
    commands = parser.add_subparsers(dest="command", required=True)
    t = commands.add_parser("translate", help="R (.R, .Rmd, .qmd) -> Python")
    t.add_argument("file")
    t.add_argument("-o", "--output", help="the Python file to write (default: print it)")
    r = commands.add_parser("run", help="translate an R file and run it")
    r.add_argument("file")
    r.add_argument("--engine", choices=("keras", "numpy"), default="keras")
    args = parser.parse_args(argv)
    with open(args.file, encoding="utf-8") as f:
        source = f.read()
    try:
        if args.command == "translate":
            python = translate(source, args.file)
            if args.output:
                with open(args.output, "w", encoding="utf-8") as f:
                    f.write(python)
            else:
                sys.stdout.write(python)
            return 0
        headless_plots()
        try:
            run_source(source, args.file, engine=args.engine)
        finally:
            save_plots()  # as Rscript's Rplots.pdf, in the working directory
        return 0
    except TranslationError as error:
        print(error, file=sys.stderr)
        return 1


if len(sys.argv) > 1:
    sys.exit(cli(sys.argv[1:]))
else:
    from .spec_examples import main

    main()
