"""The package's imports run one way: the model at the bottom, the command line on top."""

from __future__ import annotations

import ast
import pathlib

import pytest

PACKAGE = pathlib.Path(__file__).resolve().parents[1] / "src" / "yingshang"

# Each module may import its own layer and those below, never one above. A subpackage counts
# as the layer of its top-level name (yingshang.readers.docx is `readers`).
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"model", "errors", "_display", "fold", "_lazy", "_cache"}),
    frozenset({"numbers", "_datafile"}),
    frozenset({"dates", "registry", "indicators", "workdays"}),
    frozenset({"extract"}),
    frozenset({"readers", "parse", "datasets"}),
    frozenset({"query", "io", "_html", "corpus", "compare", "diff", "ledger", "report"}),
    frozenset({"cli", "__main__", "__init__"}),
)
LAYER_OF = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def _module_name(path: pathlib.Path, root: pathlib.Path = PACKAGE) -> list[str]:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts


def _imports(path: pathlib.Path, root: pathlib.Path = PACKAGE) -> set[str]:
    """Return the top-level names of the package's modules that `path` imports, at run time."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _module_name(path, root)
    package = here if path.name == "__init__.py" else here[:-1]
    type_checking: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            type_checking.update(id(inner) for inner in ast.walk(node))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in type_checking:
            continue
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
            target = [*base, *(node.module.split(".") if node.module else [])]
            if target:
                found.add(target[0])
            else:  # from . import x, y: modules, or names the package itself defines
                for alias in node.names:
                    is_module = (root / f"{alias.name}.py").exists() or (root / alias.name).is_dir()
                    found.add(alias.name if is_module else "__init__")
        elif isinstance(node, ast.ImportFrom | ast.Import):
            names = (
                [node.module] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            )
            for name in names:
                if name and name.split(".")[0] == "yingshang" and "." in name:
                    found.add(name.split(".")[1])
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


def _layer(name: str) -> int:
    assert name in LAYER_OF, (
        f"{name} is in no layer: add it to LAYERS in tests/test_architecture.py"
    )
    return LAYER_OF[name]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down_the_layers(path: pathlib.Path) -> None:
    name = _module_name(path)
    own = "__init__" if name == ["__init__"] else name[0]
    upward = sorted(n for n in _imports(path) if n != own and _layer(n) > _layer(own))
    assert not upward, f"{path.name} ({own}) imports {upward}, which sit above it"


def test_the_model_imports_nothing_of_ours() -> None:
    assert _imports(PACKAGE / "model.py") == set()


def test_the_check_sees_lazy_and_absolute_imports_but_not_type_only_ones(
    tmp_path: pathlib.Path,
) -> None:
    (tmp_path / "readers").mkdir()
    lazy = "def f():\n    from .cli import main\n    return main\n"
    (tmp_path / "model.py").write_text(lazy, encoding="utf-8")
    assert _imports(tmp_path / "model.py", tmp_path) == {"cli"}
    nested = "from ..parse import parse\nimport yingshang.io\n"
    nested += "if TYPE_CHECKING:\n    from ..query import Entry\n"
    (tmp_path / "readers" / "docx.py").write_text(nested, encoding="utf-8")
    assert _imports(tmp_path / "readers" / "docx.py", tmp_path) == {"parse", "io"}
