"""The least any Typer command can cost: one command that prints a word."""

import typer

app = typer.Typer(add_completion=False)


@app.command()
def word() -> None:
    """Print a word."""
    typer.echo("word")


if __name__ == "__main__":
    app()
