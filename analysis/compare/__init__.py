"""Comparing articles and outlets: word counts and keyness (``terms``), story grouping
(``stories``), passage alignment (``align``), quote matching and sourcing (``pairs``) and
loaded language (``framing``). Imports :mod:`analysis.quotes`, :mod:`analysis.corpus` and
:mod:`analysis.core`. The modules are imported by name (``from analysis.compare.terms
import keyness``): importing this package alone loads none of them."""
