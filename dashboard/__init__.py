"""The newsetl dashboard (`newsetl dashboard`): a Streamlit app that reads the published warehouse
read-only. app.py is the entry point; panels/ holds one module per page; data.py runs the queries in sql/."""
