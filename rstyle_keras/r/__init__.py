"""The R-named surface: R keras3's functions, with R's names, signatures and conventions.

`layers` is made from the catalogue in `layer_table` through one generic path; `ops` and
`models` choose the engine from their first argument; `converters` hold R keras3's
argument conventions; `helpers` hold R's `c()` and `shape()`.
"""
