"""What is built from the tables: the entities table, the HTML report, the data dictionary."""
