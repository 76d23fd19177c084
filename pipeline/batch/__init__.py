"""Input and storage: reading article files, the table schemas, the atomic Parquet
store, the batch function (bytes in, Arrow out) and the drop runner."""
