-- V24: rotate the reporting password
ALTER USER reporting WITH PASSWORD 'Rep0rting-2024';
