-- $rows more rows appended, unsorted, to $table_name.
update aggregate_layout set unsorted_rows = unsorted_rows + $rows where table_name = $table_name;
