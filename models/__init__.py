"""Data files of sahel-extract (gazetteer, actor catalogue, lexicons), installed as ``sahel_extract.models``.

Not code: see README.md in this folder for what each file holds, where its facts come from and its licence.
"""
