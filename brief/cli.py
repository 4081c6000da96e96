"""The ``brief`` command line: a thin layer over the engine.

Exit codes: 0 success, 2 a user's error (a message, no traceback), 1 a bug
(the traceback, and a request to report it). ``--help`` and Markdown-only
builds import neither WeasyPrint nor Textual.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sqlite3
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from brief import __version__
from brief.errors import EXIT_USER_ERROR, Problem, UserError, counted

if TYPE_CHECKING:
    from brief.build import BuildResult
    from brief.workspace import Workspace

EXIT_BUG = 1


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a real date written YYYY-MM-DD") from None


def _formats(value: str) -> list[str]:
    """The formats one ``--format`` names ("md", "md,pdf"); the option may be given again, and adds to them."""
    formats = [part.strip() for part in value.split(",") if part.strip()]
    bad = [f for f in formats if f not in ("md", "pdf")]
    if bad or not formats:
        raise argparse.ArgumentTypeError(f"unknown format {', '.join(bad) or value!r}: use md, pdf or md,pdf")
    return formats


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="brief", description="Turn a corpus of news articles into a cited briefing document.",
        epilog="Run `brief COMMAND --help` for a command's options. Exit codes: 0 ok, 2 input error, 1 bug.")
    parser.add_argument("--version", action="version", version=f"brief {__version__}")
    parser.add_argument("--corpus", type=Path, metavar="DIR",
                        help="corpus folder (default: seeds/ of the project)")
    corpus_parent = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a subcommand's --corpus must not reset one given before the subcommand.
    corpus_parent.add_argument("--corpus", type=Path, metavar="DIR", default=argparse.SUPPRESS,
                               help="corpus folder (default: seeds/ of the project)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    build = commands.add_parser("build", parents=[corpus_parent], help="build a brief from a recipe",
                                description="Build the brief a recipe describes; prints the paths written.")
    build.add_argument("recipe", type=Path, help="recipe file, e.g. briefings/weekly.yaml")
    build.add_argument("--as-of", type=_date, metavar="DATE", help="brief date (default: the recipe's as_of)")
    build.add_argument("--out", type=Path, default=Path("out"), metavar="DIR", help="output folder (default: out/)")
    build.add_argument("--format", type=_formats, action="extend", metavar="md,pdf",
                       help="formats (default: the recipe's); may be given again")

    rebuild = commands.add_parser(
        "rebuild", parents=[corpus_parent], help="rebuild an old edition from its manifest",
        description="Rebuild the edition a manifest describes, from the recipe text it recorded. The Markdown "
                    "must come out byte for byte as recorded: if a source it used is gone or changed (or the "
                    "rules, annotations or template) so that it would not, nothing is written, each change is "
                    "named, and the exit code is 2.")
    rebuild.add_argument("manifest", type=Path, metavar="MANIFEST",
                         help="the .manifest.json a build wrote, e.g. out/weekly-2025-12-04.manifest.json")
    rebuild.add_argument("--out", type=Path, metavar="DIR",
                         help="output folder (default: rebuilt/ beside the manifest)")
    rebuild.add_argument("--format", type=_formats, action="extend", metavar="md,pdf",
                       help="formats (default: the edition's); may be given again")

    sources = commands.add_parser("sources", parents=[corpus_parent], help="list the corpus's sources")
    sources.add_argument("--json", action="store_true", help="machine-readable output ('excerpts': how many carry a topic)")

    excerpts = commands.add_parser("excerpts", parents=[corpus_parent], help="list tagged excerpts")
    excerpts.add_argument("--topic", help="only excerpts with this topic")
    excerpts.add_argument("--section", help="only excerpts for this section")
    excerpts.add_argument("--source", help="only excerpts of this source")
    excerpts.add_argument("--search", metavar="WORDS", help="only excerpts with all these words "
                          "(word prefixes; -word excludes)")
    excerpts.add_argument("--json", action="store_true", help="JSON: a list of {id, source, start, end, text, topics, section}")

    show = commands.add_parser("show", parents=[corpus_parent], help="show a source's cleaned text")
    show.add_argument("source", help="source id (or a unique prefix)")
    show.add_argument("--dropped", action="store_true", help="show what cleaning removed, and why")

    add = commands.add_parser("add", parents=[corpus_parent], help="add articles to the corpus")
    add.add_argument("paths", nargs="+", type=Path, metavar="PATH")

    pdf = commands.add_parser("pdf", help="typeset a Markdown brief to PDF")
    pdf.add_argument("markdown", type=Path, metavar="FILE.md")
    pdf.add_argument("--out", type=Path, metavar="FILE.pdf", help="output file (default: beside the Markdown)")
    pdf.add_argument("--paper", choices=["A4", "Letter"], help="paper size (default: the brief's, else A4)")
    pdf.add_argument("--template", default="standard", help="template folder (default: standard)")

    verify = commands.add_parser(
        "verify", parents=[corpus_parent], help="check a brief's quotations and cited statements against the corpus",
        description="Check that every quotation and cited statement of a Markdown brief is verbatim in its "
                    "cited source. Exit code 0: all found; 1: mismatches (listed as FILE:LINE: ...); 2: input error.")
    verify.add_argument("brief", type=Path, metavar="BRIEF.md", help="a brief written by `brief build` (edited or not)")

    compose = commands.add_parser("compose", parents=[corpus_parent], help="open a saved recipe in the TUI",
                                  description="Open a recipe for editing in the terminal UI.")
    compose.add_argument("recipe", type=Path, help="recipe file, e.g. briefings/weekly.yaml")

    index = commands.add_parser(
        "index", parents=[corpus_parent], help="bring the corpus index up to date (every command does this first)",
        description="Read, clean and tag new or changed articles into the corpus index. The index is derived "
                    "from the corpus files and can be deleted at any time.")
    index.add_argument("--rebuild", action="store_true", help="delete the index and make it again from the files")
    index.add_argument("--check", action="store_true", help="also check the index file's own integrity")

    commands.add_parser("check", parents=[corpus_parent],
                        help="check the corpus, annotations, recipes and templates")

    evaluation = commands.add_parser(
        "eval", parents=[corpus_parent], help="measure the tagging rules against the labelled set",
        description="Precision and recall of topics, accuracy of sections, and the share of key facts a "
                    "whole-corpus brief covers, for the shipped articles and for those written for the set.")
    evaluation.add_argument("--set", type=Path, default=Path("tests/data/eval"), metavar="DIR", dest="set_dir",
                            help="folder of label files (default: tests/data/eval)")
    evaluation.add_argument("--show-held-out", action="store_true",
                            help="also list the key facts the held-out articles' brief misses (reading them "
                                 "while writing rules makes the held-out figures meaningless)")
    return parser


def main(argv: Sequence[str] | None = None, *, retry_damaged_index: bool = True) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.command, args.recipe = "compose", None
    try:
        return COMMANDS[args.command](args)
    except sqlite3.DatabaseError as error:
        # The index is derived from the corpus files: a damaged one is thrown away and made again.
        from brief.index import index_location, is_damage

        if not retry_damaged_index or not is_damage(error):
            raise
        from brief.ingest import delete_index

        location = index_location(_paths(args, getattr(args, "recipe", None)).corpus)
        print(f"brief: the corpus index {location} is damaged ({error}): rebuilding it from the corpus files",
              file=sys.stderr)
        delete_index(location)
        return main(argv, retry_damaged_index=False)
    except UserError as error:
        if len(error.problems) > 1:
            print(f"brief: {len(error.problems)} problems:", file=sys.stderr)
            for problem in error.problems:
                print("  " + problem.format().replace("\n", "\n  "), file=sys.stderr)
        else:
            print(f"brief: {error.format()}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("\nbrief: interrupted (the index keeps the articles done so far)", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`brief sources | head`): not an error, and nothing more to say.
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stop the interpreter flushing to the pipe
        except OSError:
            pass
        return 0
    except Exception:  # noqa: BLE001 - the one place a bug is turned into a report
        traceback.print_exc()
        print("brief: this is a bug in brief, not a problem with your input; please report it "
              "with the traceback above.", file=sys.stderr)
        return EXIT_BUG


def _paths(args: argparse.Namespace, recipe: Path | None = None):
    from brief.workspace import ProjectPaths

    return ProjectPaths.discover(corpus=getattr(args, "corpus", None), recipe=recipe)


def _workspace(args: argparse.Namespace, recipe: Path | None = None):
    """The workspace, its index brought up to date first (with a progress bar when that takes a while)."""
    from brief.progress import TerminalProgress
    from brief.workspace import load_workspace

    workspace = load_workspace(_paths(args, recipe), progress=TerminalProgress())
    for notice in workspace.sync.notices:
        print(f"brief: {notice}", file=sys.stderr)
    return workspace


def _warn(problems: list[Problem]) -> None:
    for problem in problems:
        print(f"warning: {problem.format()}", file=sys.stderr)


CORPUS_WARNINGS_SHOWN = 10
"""Files left out are named on every command; past this many, the rest are counted and `brief check` lists them."""


def _warn_corpus(problems: list[Problem]) -> None:
    _warn(problems[:CORPUS_WARNINGS_SHOWN])
    if len(problems) > CORPUS_WARNINGS_SHOWN:
        print(f"warning: and {len(problems) - CORPUS_WARNINGS_SHOWN} more problems with the corpus's files; "
              "`brief check` lists every one", file=sys.stderr)


def _check_recipe_file(path: Path) -> None:
    """A recipe must be a file: a folder is named as one, with the recipes it holds."""
    if path.is_dir():
        recipes = sorted(str(recipe) for recipe in path.glob("*.yaml") if recipe.name != "topics.yaml")
        raise UserError(Problem("is a folder, not a recipe", file=path,
                                hint=f"give one of its recipes: {', '.join(recipes)}" if recipes
                                else "give a recipe file, such as briefings/weekly.yaml"))
    if not path.is_file():
        raise UserError(Problem("recipe not found", file=path, hint="recipes live in briefings/"))


def cmd_build(args: argparse.Namespace) -> int:
    from brief.build import build_recipe, load_recipe_for, unknown_excerpt_problems

    _check_recipe_file(args.recipe)
    workspace = _workspace(args, args.recipe)
    _warn_corpus(workspace.problems)
    recipe = load_recipe_for(workspace, args.recipe)
    _warn(unknown_excerpt_problems(workspace, recipe))  # the brief is built without them: a weekly run goes on
    result = build_recipe(workspace, recipe, out_dir=args.out, as_of=args.as_of, formats=args.format)
    _warn([Problem(note) for note in result.briefing.notes])
    _warn([Problem(advice) for advice in result.briefing.advice])
    _warn(list(result.warnings))
    _report_edition(result)
    for path in (*result.written, *([result.manifest] if result.manifest else [])):
        print(path)
    return 0


def _report_edition(result: BuildResult) -> None:
    """One line on stderr: what the edition was compared with."""
    from brief.editions import comparison_line

    line = comparison_line(result.briefing)
    if line is not None:
        print(line, file=sys.stderr)


def cmd_rebuild(args: argparse.Namespace) -> int:
    from brief.rebuild import rebuild_from_manifest

    if not args.manifest.is_file():
        raise UserError(Problem("manifest not found", file=args.manifest,
                                hint="a build writes OUT/RECIPE-DATE.manifest.json beside the brief"))
    workspace = _workspace(args)
    _warn_corpus(workspace.problems)
    result = rebuild_from_manifest(workspace, args.manifest, out_dir=args.out, formats=args.format)
    _warn(list(result.warnings))
    for path in (*result.written, *([result.manifest] if result.manifest else [])):
        print(path)
    print(f"{args.manifest}: rebuilt byte for byte", file=sys.stderr)
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    from brief.readers import META_KEYS

    workspace = _workspace(args)
    _warn_corpus(workspace.problems)
    counts = workspace.tagged_counts()
    if args.json:
        rows = []
        for source in workspace.corpus.sources:
            row: dict[str, object] = {"id": source.id, "file": source.path.name, "format": source.format,
                                      "excerpts": counts.get(source.id, 0)}
            for key in META_KEYS:
                value = getattr(source.meta, key)
                row[key] = value.value.isoformat() if isinstance(value.value, dt.date) else value.value
                row[f"{key}_origin"] = value.origin
            rows.append(row)
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for source in workspace.corpus.sources:
        meta = source.meta

        def show(value, missing: str) -> str:
            return value.display() + ("†" if value.origin == "inferred" else "") if value.known else missing

        print(f"{source.id}  {show(meta.published, 'date unknown'):<22} {show(meta.outlet, 'outlet unknown'):<22} "
              f"{counts.get(source.id, 0):>3} tagged  {source.display_title()}")
    print("† inferred from the article's text", file=sys.stderr)
    return 0


def cmd_excerpts(args: argparse.Namespace) -> int:
    from brief.errors import did_you_mean
    from brief.index import ExcerptQuery

    workspace = _workspace(args)
    _warn_corpus(workspace.problems)
    taxonomy = workspace.taxonomy
    if args.topic and args.topic not in taxonomy.topic_ids():
        raise UserError(Problem(f"unknown topic {args.topic!r}", hint=did_you_mean(args.topic, taxonomy.topic_ids())))
    if args.section and args.section not in taxonomy.section_ids():
        raise UserError(Problem(f"unknown section {args.section!r}",
                                hint=did_you_mean(args.section, taxonomy.section_ids())))
    source_id = workspace.corpus.get(args.source).id if args.source else None
    query = ExcerptQuery(sources=frozenset([source_id]) if source_id else None,
                         topics=frozenset([args.topic]) if args.topic else None, include_untagged=True,
                         sections=frozenset([args.section]) if args.section else None, search=args.search)
    chosen = workspace.select_excerpts(query)
    if args.json:
        print(json.dumps([e.as_json() for e in chosen], ensure_ascii=False, indent=2))
        return 0
    for excerpt in chosen:
        topics = ", ".join(excerpt.topics) or "-"
        print(f"{excerpt.id}  [{excerpt.section}] ({topics})\n    {' '.join(excerpt.text.split())}\n")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from brief.readers import META_KEYS

    source = _workspace(args).corpus.get(args.source)
    if args.dropped:
        print(f"# {source.id}: {counted(len(source.dropped), 'line')} dropped by the cleaner ({source.path})")
        for dropped in source.dropped:
            print(f"{dropped.line:>5}  {dropped.reason:<20} {dropped.text}")
        return 0
    meta = source.meta
    print(f"# {source.display_title()}")
    for key in (key for key in META_KEYS if key != "title"):  # the title heads the listing
        value = getattr(meta, key)
        origin = f"  (inferred: {value.how})" if value.origin == "inferred" else (
            f"  (from {value.how})" if value.origin == "stated" and value.how else "")
        print(f"{key + ':':<13}{value.display()}{origin}")
    for note in source.notes:
        print(f"note:        {note}")
    print()
    print(source.text, end="")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from brief.corpus import add_articles

    workspace = _workspace(args)
    added, problems = add_articles(workspace.paths.corpus, args.paths, corpus=workspace.corpus)
    for item in added:
        meta = item.source.meta
        print(f"added {item.copied_to} as source {item.source.id}")
        for key in ("title", "outlet", "author", "published", "url", "kind"):
            value = getattr(meta, key)
            if key == "kind" and not value.known:
                continue  # a report of the news, unless stated or labelled: nothing to check
            how = f" ({value.origin}: {value.how})" if value.known and value.how else ""
            print(f"    {key + ':':<11}{value.display()}{how}")
    if problems:
        raise UserError(problems)
    return 0


def cmd_pdf(args: argparse.Namespace) -> int:
    from brief.atomic import write_atomic
    from brief.render_pdf import markdown_to_pdf
    from brief.workspace import ProjectPaths

    source = args.markdown
    if not source.is_file():
        raise UserError(Problem("file not found", file=source))
    try:
        markdown = source.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UserError(Problem("not a UTF-8 text file", file=source)) from None
    paths = ProjectPaths.discover()
    dirs = [root / args.template for root in paths.template_roots(source) if (root / args.template).is_dir()]
    if not dirs:
        raise UserError(Problem(f"no template folder named {args.template!r}"))
    target = args.out or source.with_suffix(".pdf")
    write_atomic(target, markdown_to_pdf(markdown, dirs, paper=args.paper))
    print(target)
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    from brief.index import index_location
    from brief.ingest import delete_index

    paths = _paths(args)
    location = index_location(paths.corpus)
    if args.rebuild:
        delete_index(location)
    workspace = _workspace(args)
    _warn_corpus(workspace.problems)
    sources, excerpts = workspace.index.counts()
    print(f"{workspace.index.path}: {sources} sources, {excerpts} excerpts ({workspace.sync.summary()})")
    if args.check:
        trouble = workspace.index.check_integrity()
        if trouble:
            raise UserError(Problem(f"the index is damaged: {trouble}", file=workspace.index.path,
                                    hint="run `brief index --rebuild`; nothing is lost, it is made from the files"))
        print("the index file is sound")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Problems (exit code 2) and, as information, annotations and recipes' excerpt ids re-attached after
    their passage's text changed."""
    from brief.build import load_recipe_for, reattached_notes, template_dirs, unknown_excerpt_problems
    from brief.templating import check_template

    workspace = _workspace(args)
    problems = list(workspace.problems)
    recipes = sorted(p for p in workspace.paths.briefings.glob("*.yaml") if p.name != "topics.yaml")
    for recipe_path in recipes:
        try:
            recipe = load_recipe_for(workspace, recipe_path)
            problems.extend(unknown_excerpt_problems(workspace, recipe))
            for notice in reattached_notes(recipe):
                print(f"note: {notice.format()}")
            dirs = template_dirs(workspace.paths, recipe)
            for name, kind in (("brief.md.j2", "markdown"), ("page.html.j2", "html")):
                try:
                    check_template(dirs, name, kind)
                except UserError as error:
                    problems.extend(error.problems)
        except UserError as error:
            problems.extend(error.problems)
    print(f"{len(workspace.corpus)} sources, {workspace.index.counts()[1]} excerpts, "
          f"{len(recipes)} recipes checked")
    problems.extend(_check_annotations(workspace))
    if problems:
        raise UserError(problems)
    print("no problems found")
    return 0


def _check_annotations(workspace: Workspace) -> list[Problem]:
    """Print the annotations re-attached after their source's text changed; the files with no source."""
    from brief.annotations import report_annotations

    corpus = workspace.corpus
    report = report_annotations(workspace.paths.corpus, set(corpus.ids()),
                                lambda source_id: corpus.source(source_id).text, workspace.taxonomy)
    for notice in report.relocated:
        print(f"note: {notice.format()}")
    return list(report.orphaned)


def cmd_verify(args: argparse.Namespace) -> int:
    """Every quotation and cited statement of a brief, looked up in its sources; 1 when any is not found."""
    from brief.verify import summarise, verify_brief

    path = args.brief
    if not path.is_file():
        raise UserError(Problem("file not found" if not path.exists() else "not a file", file=path,
                                hint="give the Markdown brief that `brief build` wrote, e.g. out/weekly-2025-12-04.md"))
    try:
        markdown = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UserError(Problem("not a UTF-8 text file", file=path)) from None
    workspace = _workspace(args)
    _warn_corpus(workspace.problems)
    mismatches = verify_brief(markdown, workspace, file=path)
    for mismatch in mismatches:
        print(mismatch.format(str(path)))
    if mismatches:
        print("brief: " + summarise(mismatches), file=sys.stderr)
        return 1
    print(f"{path}: every quotation and cited statement is verbatim in its sources, every speaker named beside "
          "their quotation with the role they are given there, every key figure and differing figure with what it "
          "measures, every timeline date and key quote date as its sources give it", file=sys.stderr)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from brief.eval_report import format_evaluation
    from brief.evaluation import evaluate

    print(format_evaluation(evaluate(_paths(args), args.set_dir), show_held_out=args.show_held_out))
    return 0


def cmd_compose(args: argparse.Namespace) -> int:
    """The terminal UI: on the corpus, or on a saved recipe."""
    recipe = args.recipe
    if recipe is not None:
        _check_recipe_file(recipe)
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        raise UserError(Problem("the terminal UI needs an interactive terminal",
                                hint="use `brief build RECIPE` for unattended builds; `brief --help` lists commands"))
    try:
        from tui.app import BriefApp
    except ImportError:
        raise UserError(Problem("the terminal UI is not installed",
                                hint="install brief with its TUI: pip install 'brief[tui]'")) from None
    app = BriefApp(_paths(args, recipe), recipe)
    app.run()
    return 0


COMMANDS = {"build": cmd_build, "rebuild": cmd_rebuild, "compose": cmd_compose, "sources": cmd_sources,
            "excerpts": cmd_excerpts, "show": cmd_show, "add": cmd_add, "pdf": cmd_pdf, "check": cmd_check,
            "verify": cmd_verify, "eval": cmd_eval, "index": cmd_index}


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":
    run()
