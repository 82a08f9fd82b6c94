# The dashboard as a container: docker build -t crackdown-map . && docker run -p 8501:8501 crackdown-map
# The data is baked in; mount a newer file over it with -v "$PWD/data/events.csv:/app/data/events.csv:ro".
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN useradd --create-home --uid 10001 viewer
WORKDIR /app

COPY requirements.txt .
RUN pip install -r requirements.txt

COPY --chown=viewer:viewer . .
USER viewer

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD python -c "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).status != 200)"

CMD ["python", "-m", "streamlit", "run", "app.py", "--server.port=8501", "--server.address=0.0.0.0"]
