"""WSGI entry point: gunicorn 'wsgi:app', flask --app wsgi."""
from vfac.app import create_app

app = create_app()
