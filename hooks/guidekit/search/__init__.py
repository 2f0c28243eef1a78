"""Chinese search: one normalisation of queries and index, readers' words, the lean index, jieba's vocabulary."""
