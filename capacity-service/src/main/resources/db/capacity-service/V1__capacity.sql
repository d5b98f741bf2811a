create table capacity_line (
    id                      uuid primary key,
    provider_agb            text        not null,
    provider_type           text        not null,
    region                  text        not null,
    location_postcode_area  text        not null,
    diagnosis_groups        text        not null,
    care_level              text        not null,
    places                  integer     not null check (places >= 0),
    available_from          date        not null,
    available_until         date,
    announced_at            timestamptz not null,
    version                 bigint      not null default 0
);
create index capacity_line_provider on capacity_line (provider_agb);
