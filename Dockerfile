# Front-end assets: GOV.UK Frontend and MoJ Frontend from npm, compiled with our Sass.
FROM node:20-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY scripts/build_vendor.sh scripts/
COPY static/scss static/scss
RUN bash scripts/build_vendor.sh

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 UV_PROJECT_ENVIRONMENT=/opt/venv PATH=/opt/venv/bin:$PATH
WORKDIR /app
# WeasyPrint draws every PDF with Pango and HarfBuzz, in DejaVu Sans (docs/decisions/0034).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core \
    libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 gettext \
    && rm -rf /var/lib/apt/lists/*
RUN pip install --no-cache-dir uv==0.13.8
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project
COPY . .
COPY --from=assets /app/static/vendor static/vendor
# The Welsh catalogue is built, not committed (docs/welsh.md).
RUN msgfmt --check -o locale/cy/LC_MESSAGES/django.mo locale/cy/LC_MESSAGES/django.po
# collectstatic needs settings that pass the DEBUG-off checks; these values are build-time only.
RUN DEBUG=false SECRET_KEY=build-only-not-secret-0123456789-abcdefghijklmnopqrstuvwxyz \
    ALLOWED_HOSTS=build python manage.py collectstatic --no-input
RUN useradd --system --home /app opengate && mkdir -p /var/lib/opengate/media \
    && chown opengate /var/lib/opengate/media
USER opengate
EXPOSE 8000
# Workers, threads, time-outs and keep-alive: config/gunicorn.conf.py (chosen by measurement;
# WEB_CONCURRENCY and the GUNICORN_* variables there change them).
CMD ["gunicorn", "config.wsgi", "--config", "config/gunicorn.conf.py"]
